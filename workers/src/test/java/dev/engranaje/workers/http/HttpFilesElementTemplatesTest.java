package dev.engranaje.workers.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.files.ComputeChecksumWorker;
import dev.engranaje.workers.files.CopyFileWorker;
import dev.engranaje.workers.files.CreateZipWorker;
import dev.engranaje.workers.files.DeleteFileWorker;
import dev.engranaje.workers.files.ExtractZipWorker;
import dev.engranaje.workers.files.ListFilesWorker;
import dev.engranaje.workers.files.MoveFileWorker;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Modeler templates of the HTTP and file workers match the workers they configure. */
class HttpFilesElementTemplatesTest {
  private static final Path TEMPLATES = Path.of("..", "bpmn", "element-templates");

  static List<Object[]> templates() {
    Map<String, JobWorker<?, ?>> byFile = Map.of(
        "http-request.json", new SendHttpRequestWorker(),
        "files-list.json", new ListFilesWorker(),
        "files-move.json", new MoveFileWorker(),
        "files-copy.json", new CopyFileWorker(),
        "files-delete.json", new DeleteFileWorker(),
        "files-zip.json", new CreateZipWorker(),
        "files-unzip.json", new ExtractZipWorker(),
        "files-checksum.json", new ComputeChecksumWorker());
    List<Object[]> cases = new ArrayList<>();
    byFile.forEach((file, worker) -> cases.add(new Object[] {file, worker}));
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void shouldMatchTheWorkerWhenLoadingItsTemplate(String file, JobWorker<?, ?> worker) throws Exception {
    JsonNode template = new ObjectMapper().readTree(TEMPLATES.resolve(file).toFile());

    Set<String> properties = Arrays.stream(worker.inputType().getRecordComponents()).map(RecordComponent::getName)
        .collect(Collectors.toSet());
    List<String> jobTypes = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      if (binding.get("type").asText().equals("zeebe:taskDefinition")) {
        jobTypes.add(property.get("value").asText());
      } else if (binding.get("type").asText().equals("zeebe:input")) {
        inputs.add(binding.get("name").asText());
      }
    }

    assertThat(template.get("$schema").asText()).isEqualTo("https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json");
    assertThat(template.get("version").asInt()).isEqualTo(1);
    assertThat(template.get("elementType").get("value").asText()).isEqualTo("bpmn:ServiceTask");
    assertThat(jobTypes).containsExactly(worker.jobType());
    assertThat(inputs).isNotEmpty().allSatisfy(name -> assertThat(properties).contains(name));
  }
}
