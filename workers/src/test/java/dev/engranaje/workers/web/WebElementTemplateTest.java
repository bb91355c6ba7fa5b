package dev.engranaje.workers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.JobType;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebElementTemplateTest {
  private static final Path TEMPLATE = Path.of("..", "bpmn", "element-templates", "web-run-script.json");

  @Test
  void shouldBindTheWorkersJobTypeAndOnlyInputPropertiesWhenTemplateIsLoaded() throws Exception {
    JsonNode template = new ObjectMapper().readTree(TEMPLATE.toFile());
    List<String> inputs = new ArrayList<>();
    String jobType = null;
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      if (binding.get("type").asText().equals("zeebe:taskDefinition")) {
        jobType = property.get("value").asText();
      } else if (binding.get("type").asText().equals("zeebe:input")) {
        inputs.add(binding.get("name").asText());
      }
    }
    List<String> recordProperties = Arrays.stream(RunWebScriptInput.class.getRecordComponents()).map(RecordComponent::getName).toList();

    assertThat(jobType).isEqualTo(RunWebScriptWorker.class.getAnnotation(JobType.class).value());
    assertThat(template.get("id").asText()).isEqualTo("dev.engranaje.web.run-script");
    assertThat(template.get("$schema").asText()).endsWith("zeebe-element-templates-json-schema/resources/schema.json");
    assertThat(inputs).isNotEmpty().allSatisfy(name -> assertThat(recordProperties).contains(name));
    assertThat(inputs).containsExactlyInAnyOrderElementsOf(recordProperties);
  }
}
