package dev.engranaje.workers.finance.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.finance.bankupload.UploadPaymentFileOutput;
import dev.engranaje.workers.finance.bankupload.UploadPaymentFileWorker;
import dev.engranaje.workers.finance.einvoice.ReadEinvoiceWorker;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FinanceElementTemplatesTest {
  private static final Path TEMPLATES = Path.of("..", "bpmn", "element-templates");

  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of("finance-read-ledger.json", new ReadLedgerWorker(), ReadLedgerWorker.Result.class,
            List.of("path", "mapping")),
        Arguments.of("finance-match.json", new MatchTransactionsWorker(), MatchTransactionsWorker.Result.class,
            List.of("statementRef", "ledgerRef")),
        Arguments.of("finance-write-report.json", new WriteReconciliationReportWorker(),
            WriteReconciliationReportWorker.Result.class, List.of("resultRef", "statementRef", "ledgerRef")),
        Arguments.of("finance-read-einvoice.json", new ReadEinvoiceWorker(), ReadEinvoiceWorker.Result.class,
            List.of("file")),
        Arguments.of("payments-check-invoice.json", new CheckInvoiceWorker(), CheckInvoiceWorker.Result.class,
            List.of("invoiceFile", "supplierMaster")),
        Arguments.of("payments-prepare-run.json", new PreparePaymentRunWorker(), PreparePaymentRunWorker.Result.class,
            List.of("checks", "preparer", "debtor")),
        Arguments.of("payments-record-approval.json", new RecordApprovalWorker(), RecordApprovalWorker.Result.class,
            List.of("runRef", "role", "taskElementId")),
        Arguments.of("payments-write-pain001.json", new WritePain001Worker(), WritePain001Worker.Result.class,
            List.of("runRef", "tier")),
        Arguments.of("payments-read-status.json", new ReadPaymentStatusWorker(), ReadPaymentStatusWorker.Result.class,
            List.of("statusFile", "runRef")),
        Arguments.of("payments-record-payments.json", new RecordPaymentsWorker(), RecordPaymentsWorker.Result.class,
            List.of("runRef", "paymentHistory")),
        Arguments.of("payments-write-run-report.json", new WritePaymentRunReportWorker(),
            WritePaymentRunReportWorker.Result.class, List.of("runRef")),
        Arguments.of("payments-upload-payment-file.json", new UploadPaymentFileWorker(), UploadPaymentFileOutput.class,
            List.of("paymentFile", "messageId", "portalUrl", "user", "password")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void shouldBindTheWorkersJobTypeInputsAndOutputsWhenTemplateIsLoaded(String name, JobWorker<?, ?> worker,
      Class<?> output, List<String> required) throws Exception {
    JsonNode template = new ObjectMapper().readTree(TEMPLATES.resolve(name).toFile());
    List<String> inputs = new ArrayList<>();
    List<String> requiredInputs = new ArrayList<>();
    List<String> outputs = new ArrayList<>();
    String jobType = null;
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      switch (binding.get("type").asText()) {
        case "zeebe:taskDefinition" -> jobType = property.get("value").asText();
        case "zeebe:input" -> {
          inputs.add(binding.get("name").asText());
          if (property.path("constraints").path("notEmpty").asBoolean()) {
            requiredInputs.add(binding.get("name").asText());
          }
        }
        case "zeebe:output" -> outputs.add(binding.get("source").asText().substring(1));
        default -> throw new AssertionError("Unexpected binding " + binding);
      }
    }

    assertThat(template.get("$schema").asText())
        .isEqualTo("https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json");
    String area = worker.jobType().startsWith("rpa:payments.") ? "payments" : "finance";
    assertThat(template.get("id").asText()).startsWith("dev.engranaje." + area + ".");
    assertThat(template.get("elementType").get("value").asText()).isEqualTo("bpmn:ServiceTask");
    assertThat(jobType).isEqualTo(worker.jobType()).startsWith("rpa:" + area + ".");
    assertThat(inputs).doesNotHaveDuplicates().isSubsetOf(components(worker.inputType()));
    assertThat(requiredInputs).containsExactlyInAnyOrderElementsOf(required);
    assertThat(outputs).isNotEmpty().isSubsetOf(components(output));
  }

  private static List<String> components(Class<?> record) {
    return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
  }
}
