package dev.engranaje.engine.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A mixed workload over one engine, leaving history of every kind: completed, failed, repaired,
 * canceled and waiting instances, a call hierarchy, a subprocess with locals, message
 * subscriptions (correlated and open), a user task, a decision evaluation and variable updates.
 */
final class HistoryWorkload {
  final String id;
  final String payProcess;
  final String parentProcess;
  final String waitProcess;
  final String decisionProcess;
  final String jobType;
  long completed;
  long repaired;
  long failing;
  long canceled;
  long parent;
  long waiting;
  long correlated;
  long decided;
  long failingIncident;

  HistoryWorkload(String id) {
    this.id = id;
    this.payProcess = "pay-" + id;
    this.parentProcess = "parent-" + id;
    this.waitProcess = "wait-" + id;
    this.decisionProcess = "decide-" + id;
    this.jobType = "charge-" + id;
  }

  BpmnModelInstance payModel() {
    return Bpmn.createExecutableProcess(payProcess).name("Pay an order").startEvent("received").name("Order received")
        .serviceTask("charge", t -> t.name("Charge the card").zeebeJobType(jobType))
        .subProcess("book", sub -> sub.zeebeInputExpression("\"draft\"", "entry")).embeddedSubProcess()
        .startEvent("bookStart").manualTask("write").endEvent("bookEnd").subProcessDone()
        .endEvent("paid").done();
  }

  /** Runs the workload and waits until every instance rests where it should. */
  HistoryWorkload run(TestEngine engine) {
    CamundaClient client = engine.client();
    client.newDeployResourceCommand().addProcessModel(payModel(), "pay.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess(parentProcess).startEvent()
            .callActivity("call", c -> c.zeebeProcessId(payProcess)).endEvent().done(), "parent.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess(waitProcess).startEvent()
            .receiveTask("awaitPayment").message(m -> m.name("payment-" + id).zeebeCorrelationKeyExpression("orderId"))
            .userTask("approve", u -> u.zeebeUserTask().zeebeAssignee("ana")).endEvent().done(), "wait.bpmn")
        .addProcessModel(Bpmn.createExecutableProcess(decisionProcess).startEvent()
            .businessRuleTask("level", t -> t.zeebeCalledDecisionId("invoice-approval-level")
                .zeebeResultVariable("approvalLevel")).endEvent().done(), "decide.bpmn")
        .addResourceBytes(dmn(), "invoice-approval.dmn").send().join();

    completed = engine.createInstance(payProcess, Map.of("orderId", "A-1", "amount", "120.50"));
    repaired = engine.createInstance(payProcess, Map.of("orderId", "A-2", "amount", "80.00"));
    failing = engine.createInstance(payProcess, Map.of("orderId", "A-3", "amount", "15.25"));
    canceled = engine.createInstance(payProcess, Map.of("orderId", "A-4", "amount", "9.99"));
    parent = engine.createInstance(parentProcess, Map.of("orderId", "P-1", "amount", "1.00"));
    for (ActivatedJob job : engine.activateJobs(jobType, 10)) {
      long instance = job.getProcessInstanceKey();
      if (instance == completed) {
        client.newCompleteCommand(job.getKey()).variables(Map.of("receipt", "R-1")).send().join();
      } else if (instance == repaired || instance == failing) {
        client.newFailCommand(job.getKey()).retries(0).errorMessage("card declined").send().join();
      } else if (instance != canceled) {
        client.newCompleteCommand(job.getKey()).variables(Map.of("receipt", "R-P")).send().join();
      }
    }
    client.newCancelInstanceCommand(canceled).send().join();
    Incident repairedIncident = engine.awaitIncidents(repaired).get(0);
    failingIncident = engine.awaitIncidents(failing).get(0).getIncidentKey();
    client.newUpdateRetriesCommand(repairedIncident.getJobKey()).retries(1).send().join();
    client.newResolveIncidentCommand(repairedIncident.getIncidentKey()).send().join();
    client.newSetVariablesCommand(repaired).variables(Map.of("amount", "79.00")).send().join();

    waiting = engine.createInstance(waitProcess, Map.of("orderId", "W-1"));
    correlated = engine.createInstance(waitProcess, Map.of("orderId", "W-2"));
    engine.await("both wait instances subscribed", () -> engine.matching(r ->
        r.valueType() == dev.engranaje.engine.record.ValueType.PROCESS_MESSAGE_SUBSCRIPTION).size() >= 2);
    client.newPublishMessageCommand().messageName("payment-" + id).correlationKey("W-2").send().join();
    engine.awaitElement(correlated, "approve", dev.engranaje.engine.record.ProcessInstanceIntent.ELEMENT_ACTIVATED);

    decided = engine.createInstance(decisionProcess, Map.of("amount", 2500, "supplierCategory", "standard"));
    engine.awaitCompleted(decided);
    engine.awaitCompleted(completed);
    engine.awaitCompleted(parent);
    assertThat(engine.incidents(failing)).hasSize(1);
    return this;
  }

  static byte[] dmn() {
    try (InputStream in = HistoryWorkload.class.getResourceAsStream("/dmn/invoice-approval.dmn")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
