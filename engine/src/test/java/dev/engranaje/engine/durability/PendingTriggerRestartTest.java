package dev.engranaje.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trigger that has fired but whose element is activated later (a start event behind its process
 * instance's activation incident, an interrupting boundary or event subprocess behind the
 * termination of what it interrupts) survives a restart in between and is taken exactly once.
 */
class PendingTriggerRestartTest {
  @TempDir
  Path dataDirectory;

  private final ControlledClock clock = ControlledClock.startingNow();

  @Test
  void shouldBeginAtMessageStartEventWhenActivationIncidentIsResolvedAfterRestart() {
    // given: an instance created by its message start, stuck on an event subprocess's correlation key
    String processId = TestEngine.uniqueProcessId();
    String jobType = processId + "-work";
    long instanceKey;
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      var builder = Bpmn.createExecutableProcess(processId);
      builder.eventSubProcess("sub", s -> s.startEvent("subStart").interrupting(false)
          .message(m -> m.name(processId + "-cancel").zeebeCorrelationKeyExpression("orderId")).endEvent());
      engine.deploy(builder.startEvent("start").message(processId + "-order")
          .serviceTask("work", t -> t.zeebeJobType(jobType)).endEvent("end").done());
      engine.client().newPublishMessageCommand().messageName(processId + "-order").correlationKey("K")
          .variables(Map.of("n", 1)).send().join();
      TestEngine.await("the instance exists", () -> !processInstanceKeys(engine, processId).isEmpty());
      instanceKey = processInstanceKeys(engine, processId).get(0);
      engine.awaitIncidents(instanceKey);
    }

    // when
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      engine.client().newSetVariablesCommand(instanceKey).variables(Map.of("orderId", "o-1")).send().join();
      Incident incident = engine.incidents(instanceKey).get(0);
      engine.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join();

      // then
      assertThat(engine.activateJob(jobType).getProcessInstanceKey()).isEqualTo(instanceKey);
      assertThat(engine.hasElementEvent(instanceKey, "start", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    }
  }

  @Test
  void shouldTakeInterruptingBoundaryOnceWhenRestartedAfterCallActivityWasInterrupted() {
    // given: parent -> call activity (with an interrupting signal boundary) -> child -> call activity -> grandchild job
    String processId = TestEngine.uniqueProcessId();
    String jobType = processId + "-work";
    String afterType = processId + "-after";
    String signal = processId + "-stop";
    long instanceKey;
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      engine.deploy(Bpmn.createExecutableProcess(processId + "-grandchild").startEvent()
          .serviceTask("grandchildWork", t -> t.zeebeJobType(jobType)).endEvent().done());
      engine.deploy(Bpmn.createExecutableProcess(processId + "-child").startEvent()
          .callActivity("callGrandchild", c -> c.zeebeProcessId(processId + "-grandchild")).endEvent().done());
      engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
          .callActivity("callChild", c -> c.zeebeProcessId(processId + "-child")).endEvent("normalEnd")
          .moveToActivity("callChild").boundaryEvent("stop").cancelActivity(true).signal(signal)
          .serviceTask("after", t -> t.zeebeJobType(afterType)).endEvent("stoppedEnd").done());
      instanceKey = engine.createInstance(processId, Map.of());
      engine.activateJob(jobType);

      // when: the engine stops right after the signal is broadcast
      engine.client().newBroadcastSignalCommand().signalName(signal).send().join();
    }

    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      engine.client().newCompleteCommand(engine.activateJob(afterType).getKey()).send().join();

      // then
      engine.awaitCompleted(instanceKey);
      assertThat(engine.pollJobs(jobType, Duration.ofMillis(200))).isEmpty();
    }
    try (RecordLogReader log = RecordLogReader.open(dataDirectory)) {
      assertThat(log.countElementEvents("stop", "ELEMENT_ACTIVATED")).isEqualTo(1);
      assertThat(log.countElementEvents("callChild", "ELEMENT_TERMINATED")).isEqualTo(1);
      assertThat(log.countElementEvents("normalEnd", "ELEMENT_ACTIVATING")).isZero();
    }
  }

  @Test
  void shouldActivateInterruptingEventSubprocessOnceWhenRestartedWhileCallActivityChildWasRunning() {
    // given: the instance waits in a call activity whose child waits in another call activity
    String processId = TestEngine.uniqueProcessId();
    String jobType = processId + "-work";
    String afterType = processId + "-after";
    String message = processId + "-stop";
    long instanceKey;
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      engine.deploy(Bpmn.createExecutableProcess(processId + "-grandchild").startEvent()
          .serviceTask("grandchildWork", t -> t.zeebeJobType(jobType)).endEvent().done());
      engine.deploy(Bpmn.createExecutableProcess(processId + "-child").startEvent()
          .callActivity("callGrandchild", c -> c.zeebeProcessId(processId + "-grandchild")).endEvent().done());
      var builder = Bpmn.createExecutableProcess(processId);
      builder.eventSubProcess("sub", s -> s.startEvent("subStart").interrupting(true)
          .message(m -> m.name(message).zeebeCorrelationKeyExpression("key"))
          .serviceTask("after", t -> t.zeebeJobType(afterType)).endEvent("subEnd"));
      engine.deploy(builder.startEvent()
          .callActivity("callChild", c -> c.zeebeProcessId(processId + "-child")).endEvent("normalEnd").done());
      instanceKey = engine.createInstance(processId, Map.of("key", "K"));
      engine.activateJob(jobType);

      // when: the engine stops right after the message is published
      engine.client().newPublishMessageCommand().messageName(message).correlationKey("K").send().join();
    }

    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      engine.client().newCompleteCommand(engine.activateJob(afterType).getKey()).send().join();

      // then
      engine.awaitCompleted(instanceKey);
      assertThat(engine.pollJobs(jobType, Duration.ofMillis(200))).isEmpty();
    }
    try (RecordLogReader log = RecordLogReader.open(dataDirectory)) {
      assertThat(log.countElementEvents("sub", "ELEMENT_ACTIVATED")).isEqualTo(1);
      assertThat(log.countElementEvents("callChild", "ELEMENT_TERMINATED")).isEqualTo(1);
      assertThat(log.countElementEvents("normalEnd", "ELEMENT_ACTIVATING")).isZero();
    }
  }

  private static List<Long> processInstanceKeys(TestEngine engine, String processId) {
    return engine.matching(r -> r.valueType() == ValueType.PROCESS_INSTANCE && r.recordType() == RecordType.EVENT
        && r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING
        && ((ProcessInstanceRecord) r.value()).bpmnElementType() == BpmnElementType.PROCESS
        && ((ProcessInstanceRecord) r.value()).bpmnProcessId().equals(processId)).stream().map(r -> r.key()).toList();
  }
}
