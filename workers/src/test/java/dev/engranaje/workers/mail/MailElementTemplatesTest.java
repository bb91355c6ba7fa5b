package dev.engranaje.workers.mail;

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

/** The Camunda Modeler element templates of the mail workers match the workers they configure. */
class MailElementTemplatesTest {
  private static final Path TEMPLATES = Path.of(System.getProperty("user.dir")).resolve("../bpmn/element-templates");

  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of("mail-send.json", new SendMailWorker(), SentMail.class),
        Arguments.of("mail-fetch.json", new FetchMailWorker(), FetchMailResult.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void shouldBindTheWorkersJobTypeInputsAndOutputsWhenLoaded(String file, JobWorker<?, ?> worker, Class<?> output)
      throws Exception {
    // given
    JsonNode template = new ObjectMapper().readTree(TEMPLATES.resolve(file).toFile());
    List<String> inputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String jobType = null;

    // when
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      switch (binding.get("type").asText()) {
        case "zeebe:taskDefinition" -> jobType = property.get("value").asText();
        case "zeebe:input" -> inputs.add(binding.get("name").asText());
        case "zeebe:output" -> outputs.add(binding.get("source").asText().substring(1));
        default -> throw new AssertionError("Unexpected binding " + binding);
      }
    }

    // then
    assertThat(template.get("$schema").asText())
        .isEqualTo("https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json");
    assertThat(template.get("id").asText()).startsWith("dev.engranaje.mail.");
    assertThat(jobType).isEqualTo(worker.jobType());
    assertThat(inputs).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(names(worker.inputType()));
    assertThat(names(output)).containsAll(outputs);
  }

  private static List<String> names(Class<?> record) {
    return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
