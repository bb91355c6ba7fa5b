package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Message intermediate throw and end events (spec §4, §7.2): jobs like send tasks, so a worker
 * sends the message and the engine publishes nothing; the completion payload propagates as a job
 * payload does.
 */
@ProcessTest(autoTimeSkipping = false)
class MessageThrowEventTest {
  ProcessTestEngine engine;

  @Test
  void shouldRunMessageThrowAndEndEventsAsJobsAndContinueWhenTheirJobsComplete() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String notifyType = processId + "-notify";
    String closeType = processId + "-close";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .intermediateThrowEvent("notify", e -> e.message("order-shipped").zeebeJobType(notifyType)
            .zeebeTaskHeader("channel", "mail"))
        .endEvent("closed", e -> e.message("order-closed").zeebeJobType(closeType))
        .done());
    long instanceKey = engine.startInstance(processId, Map.of("orderId", "o-1")).key();

    // when
    ActivatedJob notify = engine.activateJob(notifyType);
    engine.client().newCompleteCommand(notify.getKey()).variables(Map.of("sentAt", "09:00")).send().join();
    ActivatedJob close = engine.activateJob(closeType);
    engine.client().newCompleteCommand(close.getKey()).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(notify.getElementId()).isEqualTo("notify");
    assertThat(notify.getCustomHeaders()).containsEntry("channel", "mail");
    assertThat(notify.getVariablesAsMap()).containsEntry("orderId", "o-1");
    assertThat(close.getElementId()).isEqualTo("closed");
    assertThat(close.getVariablesAsMap()).containsEntry("sentAt", "09:00");
    assertThat(lifecycle(instanceKey)).containsSubsequence(
        "notify ELEMENT_ACTIVATING", "JOB CREATED", "notify ELEMENT_ACTIVATED", "JOB COMPLETED",
        "notify ELEMENT_COMPLETING", "notify ELEMENT_COMPLETED",
        "closed ELEMENT_ACTIVATING", "JOB CREATED", "closed ELEMENT_ACTIVATED", "JOB COMPLETED",
        "closed ELEMENT_COMPLETED", processId + " ELEMENT_COMPLETED");
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.VARIABLE
        && ((VariableRecord) r.value()).name().equals("sentAt"))).extracting(r -> ((VariableRecord) r.value()).scopeKey())
        .containsExactly(instanceKey);
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.MESSAGE && r.value().toString().contains("order-")))
        .isEmpty();
  }

  @Test
  void shouldCancelJobWhenInstanceIsCancelledAtMessageThrowEvent() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-notify";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .intermediateThrowEvent("notify", e -> e.message("order-shipped").zeebeJobType(type)).endEvent("end")
        .done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    ActivatedJob notify = engine.activateJob(type);

    // when
    engine.client().newCancelInstanceCommand(instanceKey).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isTerminated();
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.CANCELED
        && ((JobRecord) r.value()).elementInstanceKey() == notify.getElementInstanceKey())).as("job canceled").isNotEmpty();
    assertThat(lifecycle(instanceKey)).containsSubsequence("notify ELEMENT_TERMINATING", "JOB CANCELED",
        "notify ELEMENT_TERMINATED", processId + " ELEMENT_TERMINATED");
  }

  @Test
  void shouldRejectMessageEndEventWithoutJobTypeNamingIt() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");

    // when
    ProblemException problem = catchThrowableOfType(ProblemException.class, () -> engine.deploy(
        Bpmn.createExecutableProcess(processId).startEvent("start").endEvent("closed", e -> e.message("order-closed"))
            .done()));

    // then
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains("element 'closed'").contains("zeebe:taskDefinition");
  }

  /** Element events as "elementId INTENT" and job events as "JOB INTENT", in log order. */
  private List<String> lifecycle(long instanceKey) {
    return engine.records().matching(r -> r.recordType() == RecordType.EVENT
            && (r.value() instanceof ProcessInstanceRecord e && e.processInstanceKey() == instanceKey
                || r.value() instanceof JobRecord j && j.processInstanceKey() == instanceKey)).stream()
        .map(r -> r.value() instanceof JobRecord ? "JOB " + r.intent()
            : ((ProcessInstanceRecord) r.value()).elementId() + " " + r.intent())
        .toList();
  }
}
