package dev.engranaje.test;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ProcessTest(startAt = "2026-12-01T09:00:00Z")
class ProcessTestKitTest {
  private static final String ESCALATION = "kit-escalation";

  ProcessTestEngine engine;
  CamundaClient client;

  @Test
  void mockedWorkerCompletesTheJobAndRecordsTheCall() {
    String processId = ProcessTestEngine.uniqueId("mocked");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("send", t -> t.zeebeJobType("rpa:mail.send:1").zeebeInput("=customer", "to")
            .zeebeTaskHeader("template", "welcome"))
        .endEvent("end").done());
    JobMock mail = engine.mock("rpa:mail.send:1").thenComplete(Map.of("messageId", "m-1"));

    ProcessInstance instance = engine.startInstance(processId, Map.of("customer", "ana@example.com"));

    assertThat(instance).isCompleted().hasPassedElementsInOrder("start", "send", "end").hasVariable("messageId", "m-1");
    assertThat(mail.callCount()).isEqualTo(1);
    JobCall call = mail.lastCall();
    assertThat(call.elementId()).isEqualTo("send");
    assertThat(call.processInstanceKey()).isEqualTo(instance.key());
    assertThat(call.variables()).containsEntry("to", "ana@example.com");
    assertThat(call.headers()).containsEntry("template", "welcome");
  }

  @Test
  void threeDayEscalationTimerIsSkippedWhenTheEngineHasNothingElseToDo() {
    Instant before = engine.now();
    engine.deploy(Bpmn.createExecutableProcess(ESCALATION).startEvent("start")
        .userTask("approve", t -> t.zeebeUserTask().zeebeCandidateGroups("managers"))
        .boundaryEvent("overdue", b -> b.cancelActivity(false).timerWithDuration("P3D"))
        .serviceTask("remind", t -> t.zeebeJobType("rpa:mail.send:1")).endEvent("reminded")
        .moveToActivity("approve").endEvent("approved").done());
    JobMock mail = engine.mock("rpa:mail.send:1").thenComplete();
    long wallStart = System.nanoTime();

    ProcessInstance instance = engine.startInstance(ESCALATION);

    assertThat(instance).hasActiveElements("approve").hasNotPassedElements("overdue");
    assertThat(engine.now()).as("checking what is active moves no time").isEqualTo(before);
    assertThat(instance).hasPassedElementsInOrder("overdue", "remind", "reminded").hasActiveElements("approve");
    assertThat(Duration.between(before, engine.now())).isEqualTo(Duration.ofDays(3));
    // a generous bound for a busy shared machine; it takes milliseconds
    assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).as("wall time for three days of process time")
        .isLessThan(Duration.ofSeconds(30));
    assertThat(mail.callCount()).isEqualTo(1);

    engine.completeUserTask(instance, "approve", Map.of("approved", true), "lead");
    assertThat(instance).isCompleted().hasPassedElements("approved").hasVariable("approved", true);
  }

  @Test
  void bpmnErrorFromAMockIsCaughtByTheBoundaryEventWithItsCode() {
    String processId = ProcessTestEngine.uniqueId("error");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("pay", t -> t.zeebeJobType("rpa:bank.pay:1"))
        .boundaryEvent("rejected", b -> b.error("PAYMENT_REJECTED")).endEvent("refused")
        .moveToActivity("pay").endEvent("paid").done());
    engine.mock("rpa:bank.pay:1").thenThrowBpmnError("PAYMENT_REJECTED", "IBAN closed", Map.of("reason", "closed"));

    ProcessInstance instance = engine.startInstance(processId);

    assertThat(instance).isCompleted().hasPassedElements("rejected", "refused").hasNotPassedElements("pay", "paid")
        .hasLocalVariable("rejected", "reason", "closed");
  }

  @Test
  void failingMockUsesTheRetriesThenRaisesAnIncidentWithItsMessage() {
    String processId = ProcessTestEngine.uniqueId("failing");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("download", t -> t.zeebeJobType("rpa:web.run-script:1").zeebeJobRetries("3")).endEvent().done());
    JobMock portal = engine.mock("rpa:web.run-script:1").thenFail("The bank portal shows its maintenance page");

    ProcessInstance instance = engine.startInstance(processId);

    assertThat(instance).hasIncident("JOB_NO_RETRIES", "maintenance page").hasIncidentOn("download").isActive();
    assertThat(portal.calls()).extracting(JobCall::retries).containsExactly(3, 2, 1);
  }

  @Test
  void startAndMockVariablesMayBeNullAsTheClientSendsThem() {
    String processId = ProcessTestEngine.uniqueId("nulls");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("fetch", t -> t.zeebeJobType("rpa:http.call:1")).endEvent().done());
    Map<String, Object> noRemark = new java.util.HashMap<>();
    noRemark.put("remark", null);
    Map<String, Object> noStatus = new java.util.HashMap<>();
    noStatus.put("status", null);
    engine.mock("rpa:http.call:1").thenComplete(noStatus);

    // the client leaves null values out of the variables it sends, so neither becomes a variable
    assertThat(engine.startInstance(processId, noRemark)).isCompleted().hasNoIncidents();
  }

  @Test
  void mockAnswersInTurnAndRepeatsItsLastAnswer() {
    String processId = ProcessTestEngine.uniqueId("flaky");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("fetch", t -> t.zeebeJobType("rpa:http.call:1")).endEvent().done());
    JobMock http = engine.mock("rpa:http.call:1").thenFail("503 from the API").thenComplete(Map.of("status", 200));

    assertThat(engine.startInstance(processId)).isCompleted().hasVariable("status", 200).hasNoIncidents();
    assertThat(engine.startInstance(processId)).isCompleted();
    assertThat(http.callCount()).isEqualTo(3);
  }

  @Test
  void variablesCompareByJsonValueAndLocalVariablesByElement() {
    String processId = ProcessTestEngine.uniqueId("variables");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("book", t -> t.zeebeJobType("rpa:ledger.book:1").zeebeInput("=amount", "bookedAmount"))
        .endEvent().done());
    engine.mock("rpa:ledger.book:1").thenComplete(call -> Map.of("booked", call.variables().get("bookedAmount")));

    ProcessInstance instance = engine.startInstance(processId,
        Map.of("amount", "1234.50", "lines", List.of(Map.of("qty", 2, "price", new BigDecimal("9.90")))));

    assertThat(instance).isCompleted().hasVariable("amount", "1234.50").hasVariable("booked", "1234.50")
        .hasVariable("lines", List.of(Map.of("qty", 2.0, "price", new BigDecimal("9.9"))))
        .hasLocalVariable("book", "bookedAmount", "1234.50");
    assertThat(assertThat(instance).variables()).containsEntry("amount", "1234.50");
  }

  @Test
  void userTaskIsOfferedToItsGroupsAndCompletedAsAUser() {
    String processId = ProcessTestEngine.uniqueId("approval");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .userTask("approve", t -> t.zeebeUserTask().zeebeCandidateGroups("accounting")).endEvent().done());
    ProcessInstance instance = engine.startInstance(processId);

    assertThat(instance).hasActiveUserTask("approve").hasCandidateGroups("accounting").isUnassigned();
    long task = engine.completeUserTask(instance, "approve", Map.of("decision", "accept"), "ana");

    assertThat(instance).isCompleted().hasVariable("decision", "accept");
    assertThat(engine.records().matching(r -> r.key() == task).stream()
        .map(r -> ((dev.engranaje.engine.record.UserTaskRecord) r.value()).assignee()).toList()).contains("ana");
  }

  @Test
  void publishedMessageIsCorrelatedToTheWaitingInstance() {
    String processId = ProcessTestEngine.uniqueId("payment");
    String message = ProcessTestEngine.uniqueId("payment-received");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("wait", e -> e.message(m -> m.name(message).zeebeCorrelationKeyExpression("=invoice")))
        .endEvent().done());
    ProcessInstance instance = engine.startInstance(processId, Map.of("invoice", "INV-7"));

    assertThat(instance).hasActiveElements("wait");
    engine.publishMessage(message, "INV-7", Map.of("paidAmount", "99.00"));

    assertThat(instance).hasCorrelatedMessage(message).isCompleted().hasVariable("paidAmount", "99.00");
  }

  @Test
  void failingAssertionShowsTheInstanceRecordLog() {
    String processId = ProcessTestEngine.uniqueId("log");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("unserved", t -> t.zeebeJobType("nobody-serves-this")).endEvent().done());
    ProcessInstance instance = engine.startInstance(processId);

    assertThatThrownBy(() -> assertThat(instance).isCompleted())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected process instance " + instance.key() + " to be completed, but it is active at [unserved]")
        .hasMessageContaining("Record log of process instance " + instance.key())
        .hasMessageContaining("ELEMENT_ACTIVATED")
        .hasMessageContaining("SERVICE_TASK 'unserved'")
        .hasMessageContaining("JOB")
        .hasMessageContaining("'nobody-serves-this' on 'unserved'");
  }

  @Test
  void realWorkerAnswersItsJobType() {
    String processId = ProcessTestEngine.uniqueId("real");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("sum", t -> t.zeebeJobType("test:sum:1")).endEvent().done());
    engine.worker("test:sum:1", (jobClient, job) -> {
      Map<String, Object> variables = job.getVariablesAsMap();
      BigDecimal total = new BigDecimal((String) variables.get("a")).add(new BigDecimal((String) variables.get("b")));
      jobClient.newCompleteCommand(job.getKey()).variables(Map.of("total", total.toPlainString())).send().join();
    });

    assertThat(engine.startInstance(processId, Map.of("a", "0.10", "b", "0.20"))).isCompleted().hasVariable("total", "0.30");
  }

  @Test
  void workerThatThrowsFailsTheJobWithItsMessage() {
    String processId = ProcessTestEngine.uniqueId("throwing");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("read", t -> t.zeebeJobType("test:read:1").zeebeJobRetries("1")).endEvent().done());
    engine.worker("test:read:1", (jobClient, job) -> {
      throw new IllegalStateException("statement.csv: row 3 has no amount");
    });

    assertThat(engine.startInstance(processId)).hasIncident("JOB_NO_RETRIES", "row 3 has no amount");
  }

  @Test
  void clientIsInjectedAndTalksToTheSameEngine() {
    String processId = ProcessTestEngine.uniqueId("client");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent().endEvent("end").done());
    long key = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join()
        .getProcessInstanceKey();

    assertThat(engine.instance(key)).isCompleted().hasPassedElements("end");
  }
}
