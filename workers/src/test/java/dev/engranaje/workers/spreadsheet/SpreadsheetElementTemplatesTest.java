package dev.engranaje.workers.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.JobWorker;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpreadsheetElementTemplatesTest {
  private static final Path TEMPLATES = Path.of("..", "bpmn", "element-templates");

  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of("spreadsheet-read.json", new ReadSpreadsheetWorker(), RowsResult.class),
        Arguments.of("spreadsheet-write.json", new WriteSpreadsheetWorker(), WriteResult.class),
        Arguments.of("spreadsheet-append.json", new AppendSpreadsheetWorker(), WriteResult.class),
        Arguments.of("spreadsheet-filter.json", new FilterRowsWorker(), RowsResult.class),
        Arguments.of("spreadsheet-lookup.json", new LookupRowWorker(), LookupRowWorker.Result.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void shouldBindTheWorkersJobTypeInputsAndOutputsWhenTemplateIsLoaded(String name, JobWorker<?, ?> worker,
      Class<?> output) throws Exception {
    JsonNode template = new ObjectMapper().readTree(TEMPLATES.resolve(name).toFile());
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String jobType = null;
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      switch (binding.get("type").asText()) {
        case "zeebe:taskDefinition" -> jobType = property.get("value").asText();
        case "zeebe:input" -> inputs.add(binding.get("name").asText());
        case "zeebe:output" -> outputs.add(binding.get("source").asText().substring(1));
        default -> throw new AssertionError("Unexpected binding " + binding);
      }
    }

    assertThat(template.get("$schema").asText())
        .isEqualTo("https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json");
    assertThat(template.get("id").asText()).startsWith("dev.engranaje.spreadsheet.");
    assertThat(template.get("elementType").get("value").asText()).isEqualTo("bpmn:ServiceTask");
    assertThat(jobType).isEqualTo(worker.jobType());
    assertThat(inputs).doesNotHaveDuplicates().isSubsetOf(components(worker.inputType()))
        .contains("file");
    assertThat(outputs).isNotEmpty().isSubsetOf(components(output));
  }

  private static List<String> components(Class<?> record) {
    return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
