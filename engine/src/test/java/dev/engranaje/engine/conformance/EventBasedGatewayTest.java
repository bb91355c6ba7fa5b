package dev.engranaje.engine.conformance;

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
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Event-based gateway (spec §6): scenario 25, with message, timer and signal catch events. */
class EventBasedGatewayTest {
  private TestEngine engine;

  @BeforeEach
  void startEngine() {
    engine = TestEngine.inMemory();
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  // spec §14 scenario 25
  @Test
  void shouldCancelTimerWhenMessageComesFirst() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(raceProcess(processId));
    long instanceKey = engine.createInstance(processId, Map.of("orderId", "o-1"));
    engine.awaitElement(instanceKey, "race", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    engine.client().newPublishMessageCommand().messageName(processId + "-paid").correlationKey("o-1")
        .variables(Map.of("amount", 12)).send().join();

    // then
    engine.awaitCompleted(instanceKey);
    assertThat(timers(instanceKey, TimerIntent.CANCELED)).hasSize(1);
    assertThat(timers(instanceKey, TimerIntent.TRIGGERED)).isEmpty();
    assertThat(engine.hasElementEvent(instanceKey, "paid", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.hasElementEvent(instanceKey, "timeout", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
    assertThat(engine.hasElementEvent(instanceKey, "paidEnd", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.matching(r -> r.valueType() == ValueType.VARIABLE
            && ((VariableRecord) r.value()).scopeKey() == instanceKey).stream()
        .map(r -> (VariableRecord) r.value()).filter(v -> v.name().equals("amount")).map(VariableRecord::value))
        .containsExactly("12");
  }

  // spec §14 scenario 25
  @Test
  void shouldCloseMessageSubscriptionWhenTimerComesFirst() throws InterruptedException {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(raceProcess(processId));
    long instanceKey = engine.createInstance(processId, Map.of("orderId", "o-2"));
    engine.awaitElement(instanceKey, "race", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    engine.clock().advance(Duration.ofMinutes(11));

    // then
    engine.awaitCompleted(instanceKey);
    assertThat(timers(instanceKey, TimerIntent.TRIGGERED)).hasSize(1);
    assertThat(timers(instanceKey, TimerIntent.CANCELED)).isEmpty();
    assertThat(subscriptions(instanceKey)).containsExactly(
        ProcessMessageSubscriptionIntent.CREATED, ProcessMessageSubscriptionIntent.DELETED);
    assertThat(engine.hasElementEvent(instanceKey, "timeout", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.hasElementEvent(instanceKey, "paid", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
    assertThat(engine.hasElementEvent(instanceKey, "timeoutEnd", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
  }

  @Test
  void shouldTakeSignalPathAndCancelTimerWhenSignalIsBroadcastFirst() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(signalRaceProcess(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "race", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when
    engine.client().newBroadcastSignalCommand().signalName(processId + "-cancelled")
        .variables(Map.of("reason", "customer")).send().join();

    // then
    engine.awaitCompleted(instanceKey);
    assertThat(timers(instanceKey, TimerIntent.CANCELED)).hasSize(1);
    assertThat(signalSubscriptions(processId)).containsExactly(
        SignalSubscriptionIntent.CREATED, SignalSubscriptionIntent.DELETED);
    assertThat(engine.hasElementEvent(instanceKey, "cancelled", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.hasElementEvent(instanceKey, "cancelledEnd", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.hasElementEvent(instanceKey, "timeout", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
    assertThat(engine.matching(r -> r.valueType() == ValueType.VARIABLE
            && ((VariableRecord) r.value()).scopeKey() == instanceKey).stream()
        .map(r -> (VariableRecord) r.value()).filter(v -> v.name().equals("reason")).map(VariableRecord::value))
        .containsExactly("\"customer\"");
  }

  @Test
  void shouldCloseSignalSubscriptionWhenTimerComesFirst() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(signalRaceProcess(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    engine.awaitElement(instanceKey, "race", ProcessInstanceIntent.ELEMENT_ACTIVATED);

    // when the timer fires, and the signal comes afterwards
    engine.clock().advance(Duration.ofMinutes(11));
    engine.awaitCompleted(instanceKey);
    engine.client().newBroadcastSignalCommand().signalName(processId + "-cancelled").send().join();

    // then
    assertThat(timers(instanceKey, TimerIntent.TRIGGERED)).hasSize(1);
    assertThat(signalSubscriptions(processId)).containsExactly(
        SignalSubscriptionIntent.CREATED, SignalSubscriptionIntent.DELETED);
    assertThat(engine.hasElementEvent(instanceKey, "timeoutEnd", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.hasElementEvent(instanceKey, "cancelled", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
  }

  private static BpmnModelInstance signalRaceProcess(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").eventBasedGateway("race")
        .intermediateCatchEvent("cancelled", e -> e.signal(processId + "-cancelled")).endEvent("cancelledEnd")
        .moveToNode("race").intermediateCatchEvent("timeout", e -> e.timerWithDuration("PT10M"))
        .endEvent("timeoutEnd")
        .done();
  }

  private List<Object> signalSubscriptions(String processId) {
    return engine.matching(r -> r.valueType() == ValueType.SIGNAL_SUBSCRIPTION && r.recordType() == RecordType.EVENT
            && ((SignalSubscriptionRecord) r.value()).bpmnProcessId().equals(processId)).stream()
        .map(r -> (Object) r.intent()).toList();
  }

  private static BpmnModelInstance raceProcess(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").eventBasedGateway("race")
        .intermediateCatchEvent("paid", e -> e.message(m -> m.name(processId + "-paid")
            .zeebeCorrelationKeyExpression("orderId")))
        .endEvent("paidEnd")
        .moveToNode("race").intermediateCatchEvent("timeout", e -> e.timerWithDuration("PT10M"))
        .endEvent("timeoutEnd")
        .done();
  }

  private List<TimerRecord> timers(long instanceKey, TimerIntent intent) {
    return engine.matching(r -> r.valueType() == ValueType.TIMER && r.intent() == intent
        && ((TimerRecord) r.value()).processInstanceKey() == instanceKey).stream()
        .map(r -> (TimerRecord) r.value()).toList();
  }

  private List<Object> subscriptions(long instanceKey) {
    return engine.matching(r -> r.valueType() == ValueType.PROCESS_MESSAGE_SUBSCRIPTION
            && r.recordType() == RecordType.EVENT
            && ((ProcessMessageSubscriptionRecord) r.value()).processInstanceKey() == instanceKey).stream()
        .map(r -> (Object) r.intent()).toList();
  }
}
