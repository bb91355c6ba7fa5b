package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Timer catch, start and boundary events (spec 7.1, 1.3; spec §14 scenarios 17 and 26). */
@ProcessTest(autoTimeSkipping = false)
class TimerEventTest {
  ProcessTestEngine engine;

  @Test
  void shouldCompleteCatchEventOnlyWhenItsDurationHasPassed() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1H")).endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    assertThat(engine.instance(instanceKey)).hasActiveElements("wait");

    // when
    engine.advance(Duration.ofMinutes(59));
    boolean completedEarly = engine.records().hasElementEvent(instanceKey, "wait", ProcessInstanceIntent.ELEMENT_COMPLETED);
    engine.advance(Duration.ofMinutes(2));

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(completedEarly).as("catch event completed before its due date").isFalse();
    TimerRecord created = timers(instanceKey, TimerIntent.CREATED).get(0);
    long waitKey = elementKey(instanceKey, "wait");
    assertThat(created.elementInstanceKey()).isEqualTo(waitKey);
    assertThat(created.targetElementId()).isEqualTo("wait");
    assertThat(timers(instanceKey, TimerIntent.TRIGGERED)).hasSize(1);
    assertThat(lifecycle(instanceKey)).containsSubsequence("wait ELEMENT_ACTIVATED", "wait ELEMENT_COMPLETED",
        "end ELEMENT_COMPLETED");
  }

  @Test
  void shouldTakeDurationOfCatchEventFromVariableWhenTimerIsFeel() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .intermediateCatchEvent("wait", e -> e.timerWithDurationExpression("delay")).endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of("delay", "PT10M")).key();
    assertThat(engine.instance(instanceKey)).hasActiveElements("wait");

    // when
    engine.advance(Duration.ofMinutes(9));
    boolean completedEarly = engine.records().hasElementEvent(instanceKey, "wait", ProcessInstanceIntent.ELEMENT_COMPLETED);
    engine.advance(Duration.ofMinutes(2));

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(completedEarly).isFalse();
  }

  @Test
  void shouldCancelCatchEventTimerWhenInstanceIsCancelled() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1H")).endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    assertThat(engine.instance(instanceKey)).hasActiveElements("wait");

    // when
    engine.client().newCancelInstanceCommand(instanceKey).send().join();
    engine.advance(Duration.ofHours(2));

    // then
    assertThat(lifecycle(instanceKey)).containsSubsequence("wait ELEMENT_TERMINATING", "TIMER CANCELED",
        "wait ELEMENT_TERMINATED");
    assertThat(timers(instanceKey, TimerIntent.TRIGGERED)).isEmpty();
  }

  @Test
  void shouldCreateOneInstancePerMinuteWhenStartTimerCycles() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    DeploymentEvent deployment = engine.deploy(timerStartProcess(processId, "end", "R/PT1M"));
    long definitionKey = deployment.getProcesses().get(0).getProcessDefinitionKey();
    TimerRecord armed = startTimers(definitionKey, TimerIntent.CREATED).get(0);

    // when / then
    for (int minute = 1; minute <= 3; minute++) {
      engine.advance(Duration.ofMinutes(1));
      int expected = minute;
      engine.awaitIdle();
      assertThat(instancesOf(processId).size() == expected).as(expected + " instances").isTrue();
    }
    assertThat(armed.elementInstanceKey()).isEqualTo(-1);
    assertThat(armed.processInstanceKey()).isEqualTo(-1);
    assertThat(armed.targetElementId()).isEqualTo("timerStart");
    assertThat(armed.repetitions()).isEqualTo(-1);
    assertThat(startTimers(definitionKey, TimerIntent.TRIGGERED)).hasSize(3);
    long first = instancesOf(processId).get(0).key();
    assertThat(engine.instance(first)).isCompleted();
    assertThat(lifecycle(first)).containsSubsequence("timerStart ELEMENT_ACTIVATING", "timerStart ELEMENT_COMPLETED",
        "end ELEMENT_COMPLETED");
  }

  @Test
  void shouldFireDateStartTimerOnce() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String date = engine.clock().instant().plus(Duration.ofMinutes(10)).toString();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("timerStart").timerWithDate(date)
        .endEvent("end").done());

    // when
    engine.advance(Duration.ofMinutes(11));
    engine.awaitIdle();
    assertThat(instancesOf(processId).size() == 1).as("one instance").isTrue();
    engine.advance(Duration.ofDays(1));

    // then
    assertThat(instancesOf(processId)).hasSize(1);
  }

  @Test
  void shouldCreateInstanceAtEachCronOccurrenceWhenStartTimerIsCron() {
    // given: every minute at second 0
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(timerStartProcess(processId, "end", "0 * * * * *"));

    // when / then
    engine.advance(Duration.ofSeconds(61));
    engine.awaitIdle();
    assertThat(instancesOf(processId).size() == 1).as("one instance").isTrue();
    engine.advance(Duration.ofSeconds(60));
    engine.awaitIdle();
    assertThat(instancesOf(processId).size() == 2).as("two instances").isTrue();
  }

  @Test
  void shouldRejectDeploymentWhenCronStartTimerNeverOccurs() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");

    // when / then
    Assertions.assertThatThrownBy(() -> engine.deploy(timerStartProcess(processId, "end", "0 0 0 30 FEB *")))
        .isInstanceOf(ClientException.class)
        .hasMessageContaining("Expected cron expression '0 0 0 30 FEB *' to have a next occurrence, but it has none");
  }

  @Test
  void shouldRejectCreatingInstanceWhenProcessHasOnlyATimerStart() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(timerStartProcess(processId, "end", "R/PT1M"));

    // when / then
    Assertions.assertThatThrownBy(() -> engine.startInstance(processId, Map.of()))
        .isInstanceOf(ClientException.class)
        .hasMessageContaining("Expected to create instance of process with none start event, but there is no such event");
  }

  // spec §14 scenario 26 (timer part)
  @Test
  void shouldCancelPreviousVersionStartTimerWhenNewVersionIsDeployed() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    long v1 = engine.deploy(timerStartProcess(processId, "endV1", "R/PT1M")).getProcesses().get(0)
        .getProcessDefinitionKey();

    // when
    long v2 = engine.deploy(timerStartProcess(processId, "endV2", "R/PT1M")).getProcesses().get(0)
        .getProcessDefinitionKey();
    engine.advance(Duration.ofMinutes(1));
    engine.awaitIdle();
    assertThat(instancesOf(processId).size() == 1).as("one instance").isTrue();

    // then
    assertThat(startTimers(v1, TimerIntent.CANCELED)).hasSize(1);
    assertThat(startTimers(v1, TimerIntent.TRIGGERED)).isEmpty();
    assertThat(startTimers(v2, TimerIntent.TRIGGERED)).hasSize(1);
    assertThat(((ProcessInstanceRecord) instancesOf(processId).get(0).value()).processDefinitionKey()).isEqualTo(v2);
  }

  @Test
  void shouldFireStartTimerOnlyThreeTimesWhenCycleHasThreeRepetitions() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(timerStartProcess(processId, "end", "R3/PT10S"));

    // when
    for (int i = 1; i <= 3; i++) {
      engine.advance(Duration.ofSeconds(10));
      int expected = i;
      engine.awaitIdle();
      assertThat(instancesOf(processId).size() == expected).as(expected + " instances").isTrue();
    }
    engine.advance(Duration.ofMinutes(5));

    // then
    assertThat(instancesOf(processId)).hasSize(3);
  }

  // spec §14 scenario 17
  @Test
  void shouldTerminateTaskWhenInterruptingBoundaryTimerFires() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType(processId)).endEvent("end")
        .moveToActivity("task").boundaryEvent("timeout", b -> b.timerWithDuration("PT1S")).endEvent("timedOut")
        .done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    assertThat(engine.instance(instanceKey)).hasActiveElements("task");

    // when
    engine.advance(Duration.ofSeconds(1));

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(lifecycle(instanceKey)).containsSubsequence("TIMER TRIGGERED", "task ELEMENT_TERMINATED",
        "timeout ELEMENT_COMPLETED", "timedOut ELEMENT_COMPLETED");
  }

  // spec §14 scenario 17
  @Test
  void shouldFireNonInterruptingCycleThreeTimesWhileTaskLives() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType(processId)).endEvent("end")
        .moveToActivity("task").boundaryEvent("remind", b -> b.cancelActivity(false).timerWithCycle("R3/PT1S"))
        .endEvent("reminded").done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    assertThat(engine.instance(instanceKey)).hasActiveElements("task");

    // when
    for (int i = 1; i <= 3; i++) {
      engine.advance(Duration.ofSeconds(1));
      long expected = i;
      engine.awaitIdle();
      assertThat(count(instanceKey, "reminded") == expected).as(expected + " reminders").isTrue();
    }
    engine.advance(Duration.ofSeconds(10));
    boolean taskAlive = !engine.records().hasElementEvent(instanceKey, "task", ProcessInstanceIntent.ELEMENT_TERMINATED);
    engine.client().newCompleteCommand(engine.activateJob(processId).getKey()).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(count(instanceKey, "reminded")).isEqualTo(3);
    assertThat(taskAlive).isTrue();
  }

  static BpmnModelInstance timerStartProcess(String processId, String endId, String cycle) {
    return Bpmn.createExecutableProcess(processId).startEvent("timerStart").timerWithCycle(cycle)
        .endEvent(endId).done();
  }

  private List<Record> instancesOf(String processId) {
    return engine.records().matching(r -> r.valueType() == ValueType.PROCESS_INSTANCE && r.recordType() == RecordType.EVENT
        && r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING
        && ((ProcessInstanceRecord) r.value()).bpmnElementType() == BpmnElementType.PROCESS
        && ((ProcessInstanceRecord) r.value()).bpmnProcessId().equals(processId));
  }

  private long count(long instanceKey, String elementId) {
    return engine.records().elementEvents(instanceKey).stream().filter(r -> r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
        && ((ProcessInstanceRecord) r.value()).elementId().equals(elementId)).count();
  }

  private long elementKey(long instanceKey, String elementId) {
    return engine.records().elementEvents(instanceKey).stream()
        .filter(r -> ((ProcessInstanceRecord) r.value()).elementId().equals(elementId)).findFirst().orElseThrow().key();
  }

  private List<TimerRecord> timers(long instanceKey, TimerIntent intent) {
    return engine.records().matching(r -> r.valueType() == ValueType.TIMER && r.intent() == intent
        && ((TimerRecord) r.value()).processInstanceKey() == instanceKey).stream()
        .map(r -> (TimerRecord) r.value()).toList();
  }

  private List<TimerRecord> startTimers(long definitionKey, TimerIntent intent) {
    return engine.records().matching(r -> r.valueType() == ValueType.TIMER && r.intent() == intent
        && ((TimerRecord) r.value()).processDefinitionKey() == definitionKey).stream()
        .map(r -> (TimerRecord) r.value()).toList();
  }

  /** The instance's element lifecycle as "elementId INTENT", with its timer events as "TIMER INTENT". */
  private List<String> lifecycle(long instanceKey) {
    return engine.records().matching(r -> r.recordType() == RecordType.EVENT && (r.valueType() == ValueType.PROCESS_INSTANCE
            && ((ProcessInstanceRecord) r.value()).processInstanceKey() == instanceKey
        || r.valueType() == ValueType.TIMER && ((TimerRecord) r.value()).processInstanceKey() == instanceKey))
        .stream()
        .map(r -> r.value() instanceof ProcessInstanceRecord p ? p.elementId() + " " + r.intent() : "TIMER " + r.intent())
        .toList();
  }
}
