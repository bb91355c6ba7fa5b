package dev.engranaje.workers.finance.einvoice;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.runtime.WorkerRuntime;
import dev.engranaje.workers.secrets.SecretSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rpa:finance.read-einvoice:1} served by the WorkerRuntime against the embedded engine through
 * the official client: a read invoice continues with its summary and JSON reference, an invoice that
 * breaks EN 16931 takes the EINVOICE_INVALID path with the rule ids, a text-only PDF the
 * EINVOICE_UNSTRUCTURED path to a person.
 */
@ProcessTest
class EinvoiceWorkerEndToEndTest {
  @TempDir Path dir;
  ProcessTestEngine engine;
  private SqliteIdempotencyLedger ledger;
  private WorkerRuntime runtime;
  private Path inbox;

  @BeforeEach
  void start() throws Exception {
    ledger = SqliteIdempotencyLedger.open(dir.resolve("ledger.db"), Clock.systemUTC());
    inbox = Files.createDirectories(dir.resolve("inbox"));
    runtime = WorkerRuntime.builder(engine.client()).ledger(ledger).workspaceRoot(dir.resolve("ws"))
        .area("inbox", inbox).secrets(SecretSource.of(Map.of())).worker(new ReadEinvoiceWorker()).build();
    engine.worker("rpa:finance.read-einvoice:1", runtime.handler("rpa:finance.read-einvoice:1"));
  }

  @AfterEach
  void stop() {
    runtime.close();
    ledger.close();
  }

  private void copy(String name) throws Exception {
    try (InputStream in = Files.newInputStream(EinvoiceCorpusTest.resource(name))) {
      Files.copy(in, inbox.resolve(name));
    }
  }

  private static BpmnModelInstance process(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("read", t -> t.zeebeJobType("rpa:finance.read-einvoice:1").zeebeInputExpression("file", "file")
            .zeebeOutputExpression("invoice", "invoice").zeebeOutputExpression("invoiceRef", "invoiceRef")
            .zeebeOutputExpression("warnings", "warnings"))
        .boundaryEvent("invalid", b -> b.error("EINVOICE_INVALID").zeebeOutputExpression("rules", "rejectedRules")
            .zeebeOutputExpression("violations", "violations"))
        .endEvent("rejected")
        .moveToActivity("read")
        .boundaryEvent("unstructured", b -> b.error("EINVOICE_UNSTRUCTURED").zeebeOutputExpression("file", "forPerson"))
        .endEvent("handedOver")
        .moveToActivity("read")
        .endEvent("done").done();
  }

  @Test
  void shouldContinueWithSummaryAndJsonReferenceWhenTheUblInvoiceIsValid() throws Exception {
    // given
    copy("mustang-XRECHNUNG_Einfach.ubl.xml");
    String processId = ProcessTestEngine.uniqueId("einvoice");
    engine.deploy(process(processId));

    // when
    ProcessInstance instance = engine.startInstance(processId, Map.of("file", "inbox:mustang-XRECHNUNG_Einfach.ubl.xml"));
    Map<String, Object> variables = assertThat(instance).isCompleted().hasPassedElements("done").variables();

    // then: the summary is small and every amount is text with two decimals
    @SuppressWarnings("unchecked")
    Map<String, Object> invoice = (Map<String, Object>) variables.get("invoice");
    assertThat(invoice).containsEntry("format", "ubl").containsEntry("kind", "invoice").containsEntry("typeCode", "380")
        .containsEntry("supplierName", "Lieferant GmbH")
        .containsEntry("supplierVatId", "DE123456789").containsEntry("supplierIban", "DE02120300000000202051")
        .containsEntry("supplierBic", "BYLADEM1001").containsEntry("invoiceNumber", "471102")
        .containsEntry("issueDate", "2018-03-05").containsEntry("currency", "EUR")
        .containsEntry("netTotal", "473.00").containsEntry("taxTotal", "56.87").containsEntry("grossTotal", "529.87")
        .containsEntry("amountDue", "529.87").containsEntry("buyerName", "Kunden AG Mitte");
    assertThat(variables).containsEntry("invoiceRef", "invoices/mustang-XRECHNUNG_Einfach.ubl.json")
        .containsEntry("warnings", List.of());

    // and the full invoice in the workspace
    Path json = dir.resolve("ws").resolve(Long.toString(instance.key())).resolve((String) variables.get("invoiceRef"));
    CheckedInvoice written;
    try (InputStream in = Files.newInputStream(json)) {
      written = InvoiceJson.read(in);
    }
    assertThat(written.invoice().lines()).hasSize(2);
    assertThat(written.invoice().vatBreakdown()).extracting(VatBreakdown::rate).map(Object::toString)
        .containsExactly("7", "19");
    assertThat(Files.readString(json)).contains("\"amountDue\" : \"529.87\"").contains("\"format\" : \"ubl\"");
  }

  @Test
  void shouldReadTheEmbeddedInvoiceWhenTheFileIsAFacturXPdf() throws Exception {
    copy("mustang-EN16931_Einfach.pdf");
    String processId = ProcessTestEngine.uniqueId("einvoice");
    engine.deploy(process(processId));

    ProcessInstance instance = engine.startInstance(processId, Map.of("file", "inbox:mustang-EN16931_Einfach.pdf"));
    Map<String, Object> variables = assertThat(instance).isCompleted().hasPassedElements("done").variables();

    assertThat(variables.get("invoice")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
        .containsEntry("format", "factur-x").containsEntry("invoiceNumber", "471102")
        .containsEntry("grossTotal", "529.87");
  }

  @Test
  void shouldTakeTheInvalidPathWithTheRuleIdsWhenTheTotalsDoNotAddUp() throws Exception {
    copy("mustang-facturFrMinimum.xml");
    String processId = ProcessTestEngine.uniqueId("einvoice");
    engine.deploy(process(processId));

    ProcessInstance instance = engine.startInstance(processId, Map.of("file", "inbox:mustang-facturFrMinimum.xml"));
    Map<String, Object> variables = assertThat(instance).isCompleted().hasPassedElementsInOrder("invalid", "rejected")
        .variables();

    assertThat(variables).containsEntry("rejectedRules", List.of("BR-CO-16")).doesNotContainKey("invoice");
    assertThat(variables.get("violations")).asList().singleElement().asString()
        .startsWith("[BR-CO-16] Expected the amount due for payment (BT-115)").contains("difference -201.00");
  }

  @Test
  void shouldHandTheFileToAPersonWhenThePdfHasNoStructuredData() throws Exception {
    Files.write(inbox.resolve("scan.pdf"), EinvoiceMalformedTest.pdf("Invoice 4711, total 119.00 EUR", Map.of()));
    String processId = ProcessTestEngine.uniqueId("einvoice");
    engine.deploy(process(processId));

    ProcessInstance instance = engine.startInstance(processId, Map.of("file", "inbox:scan.pdf"));
    Map<String, Object> variables = assertThat(instance).isCompleted().hasPassedElementsInOrder("unstructured", "handedOver")
        .variables();

    assertThat(variables).containsEntry("forPerson", "inbox:scan.pdf").doesNotContainKey("invoice");
  }

  @Test
  void shouldRaiseAnIncidentNamingFileAndPositionWhenTheInvalidErrorIsNotCaught() throws Exception {
    Files.writeString(inbox.resolve("cut.xml"), "<?xml version=\"1.0\"?>\n<Invoice xmlns=\"urn:oasis:names:"
        + "specification:ubl:schema:xsd:Invoice-2\"><cbc:ID");
    String processId = ProcessTestEngine.uniqueId("einvoice");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("read", t -> t.zeebeJobType("rpa:finance.read-einvoice:1")).endEvent().done());

    ProcessInstance instance = engine.startInstance(processId, Map.of("file", "inbox:cut.xml"));

    assertThat(instance).hasIncidentOn("read");
    assertThat(engine.incidents(instance.key()).get(0).getErrorMessage())
        .contains("Expected a readable e-invoice in 'inbox:cut.xml', but at line 2, column");
  }
}
