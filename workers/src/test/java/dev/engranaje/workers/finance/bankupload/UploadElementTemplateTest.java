package dev.engranaje.workers.finance.bankupload;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadElementTemplateTest {
  private static final Path TEMPLATE = Path.of("..", "bpmn", "element-templates", "payments-upload-payment-file.json");

  @Test
  void shouldBindTheWorkersJobTypeEveryRequiredInputAndTheReceipt() throws Exception {
    // given
    JsonNode template = new ObjectMapper().readTree(TEMPLATE.toFile());
    UploadPaymentFileWorker worker = new UploadPaymentFileWorker();

    // when
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

    // then
    assertThat(template.get("id").asText()).isEqualTo("dev.engranaje.payments.upload-payment-file");
    assertThat(jobType).isEqualTo(worker.jobType());
    assertThat(inputs).containsExactlyInAnyOrderElementsOf(components(worker.inputType()));
    assertThat(outputs).containsExactlyElementsOf(components(UploadPaymentFileOutput.class));
  }

  private static List<String> components(Class<?> record) {
    return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
