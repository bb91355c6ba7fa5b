package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessMessageSubscriptionIntent;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.SignalSubscriptionIntent;
import dev.engranaje.engine.record.SignalSubscriptionRecord;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Event-based gateway (spec §6): scenario 25, with message, timer and signal catch events. */
@ProcessTest(autoTimeSkipping = false)
class EventBasedGatewayTest {
  ProcessTestEngine engine;

  // spec §14 scenario 25
  @Test
  void shouldCancelTimerWhenMessageComesFirst() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(raceProcess(processId));
    long instanceKey = engine.startInstance(processId, Map.of("orderId", "o-1")).key();
    assertThat(engine.instance(instanceKey)).hasActiveElements("race");

    // when
    engine.client().newPublishMessageCommand().messageName(processId + "-paid").correlationKey("o-1")
        .variables(Map.of("amount", 12)).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(timers(instanceKey, TimerIntent.CANCELED)).hasSize(1);
    assertThat(timers(instanceKey, TimerIntent.TRIGGERED)).isEmpty();
    assertThat(engine.records().hasElementEvent(instanceKey, "paid", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.records().hasElementEvent(instanceKey, "timeout", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
    assertThat(engine.records().hasElementEvent(instanceKey, "paidEnd", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.VARIABLE
            && ((VariableRecord) r.value()).scopeKey() == instanceKey).stream()
        .map(r -> (VariableRecord) r.value()).filter(v -> v.name().equals("amount")).map(VariableRecord::value))
        .containsExactly("12");
  }

  // spec §14 scenario 25
  @Test
  void shouldCloseMessageSubscriptionWhenTimerComesFirst() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(raceProcess(processId));
    long instanceKey = engine.startInstance(processId, Map.of("orderId", "o-2")).key();
    assertThat(engine.instance(instanceKey)).hasActiveElements("race");

    // when
    engine.advance(Duration.ofMinutes(11));

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(timers(instanceKey, TimerIntent.TRIGGERED)).hasSize(1);
    assertThat(timers(instanceKey, TimerIntent.CANCELED)).isEmpty();
    assertThat(subscriptions(instanceKey)).containsExactly(
        ProcessMessageSubscriptionIntent.CREATED, ProcessMessageSubscriptionIntent.DELETED);
    assertThat(engine.records().hasElementEvent(instanceKey, "timeout", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.records().hasElementEvent(instanceKey, "paid", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
    assertThat(engine.records().hasElementEvent(instanceKey, "timeoutEnd", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
  }

  @Test
  void shouldTakeSignalPathAndCancelTimerWhenSignalIsBroadcastFirst() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(signalRaceProcess(processId));
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    assertThat(engine.instance(instanceKey)).hasActiveElements("race");

    // when
    engine.client().newBroadcastSignalCommand().signalName(processId + "-cancelled")
        .variables(Map.of("reason", "customer")).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(timers(instanceKey, TimerIntent.CANCELED)).hasSize(1);
    assertThat(signalSubscriptions(processId)).containsExactly(
        SignalSubscriptionIntent.CREATED, SignalSubscriptionIntent.DELETED);
    assertThat(engine.records().hasElementEvent(instanceKey, "cancelled", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.records().hasElementEvent(instanceKey, "cancelledEnd", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.records().hasElementEvent(instanceKey, "timeout", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.VARIABLE
            && ((VariableRecord) r.value()).scopeKey() == instanceKey).stream()
        .map(r -> (VariableRecord) r.value()).filter(v -> v.name().equals("reason")).map(VariableRecord::value))
        .containsExactly("\"customer\"");
  }

  @Test
  void shouldCloseSignalSubscriptionWhenTimerComesFirst() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(signalRaceProcess(processId));
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    assertThat(engine.instance(instanceKey)).hasActiveElements("race");

    // when the timer fires, and the signal comes afterwards
    engine.advance(Duration.ofMinutes(11));
    assertThat(engine.instance(instanceKey)).isCompleted();
    engine.client().newBroadcastSignalCommand().signalName(processId + "-cancelled").send().join();

    // then
    assertThat(timers(instanceKey, TimerIntent.TRIGGERED)).hasSize(1);
    assertThat(signalSubscriptions(processId)).containsExactly(
        SignalSubscriptionIntent.CREATED, SignalSubscriptionIntent.DELETED);
    assertThat(engine.records().hasElementEvent(instanceKey, "timeoutEnd", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.records().hasElementEvent(instanceKey, "cancelled", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
  }

  private BpmnModelInstance signalRaceProcess(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").eventBasedGateway("race")
        .intermediateCatchEvent("cancelled", e -> e.signal(processId + "-cancelled")).endEvent("cancelledEnd")
        .moveToNode("race").intermediateCatchEvent("timeout", e -> e.timerWithDuration("PT10M"))
        .endEvent("timeoutEnd")
        .done();
  }

  private List<Object> signalSubscriptions(String processId) {
    return engine.records().matching(r -> r.valueType() == ValueType.SIGNAL_SUBSCRIPTION && r.recordType() == RecordType.EVENT
            && ((SignalSubscriptionRecord) r.value()).bpmnProcessId().equals(processId)).stream()
        .map(r -> (Object) r.intent()).toList();
  }

  private BpmnModelInstance raceProcess(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").eventBasedGateway("race")
        .intermediateCatchEvent("paid", e -> e.message(m -> m.name(processId + "-paid")
            .zeebeCorrelationKeyExpression("orderId")))
        .endEvent("paidEnd")
        .moveToNode("race").intermediateCatchEvent("timeout", e -> e.timerWithDuration("PT10M"))
        .endEvent("timeoutEnd")
        .done();
  }

  private List<TimerRecord> timers(long instanceKey, TimerIntent intent) {
    return engine.records().matching(r -> r.valueType() == ValueType.TIMER && r.intent() == intent
        && ((TimerRecord) r.value()).processInstanceKey() == instanceKey).stream()
        .map(r -> (TimerRecord) r.value()).toList();
  }

  private List<Object> subscriptions(long instanceKey) {
    return engine.records().matching(r -> r.valueType() == ValueType.PROCESS_MESSAGE_SUBSCRIPTION
            && r.recordType() == RecordType.EVENT
            && ((ProcessMessageSubscriptionRecord) r.value()).processInstanceKey() == instanceKey).stream()
        .map(r -> (Object) r.intent()).toList();
  }
}
