package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionIntent;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event subprocesses (spec §8): message, timer and error starts, interrupting and
 * non-interrupting, in a process and in an embedded subprocess; scenario 18.
 */
@ProcessTest(autoTimeSkipping = false)
class EventSubprocessTest {
  ProcessTestEngine engine;

  // spec §14 scenario 18
  @Test
  void shouldTerminateSiblingsWhenInterruptingMessageStartFires() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-work";
    String message = processId + "-cancel";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
        .eventSubProcess("esp", e -> e.startEvent("espStart").interrupting(true)
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId"))
            .endEvent("espEnd"))
        .startEvent("start").parallelGateway("fork")
        .serviceTask("work", t -> t.zeebeJobType(type)).endEvent("end")
        .moveToNode("fork").serviceTask("other", t -> t.zeebeJobType(type + "-other")).endEvent("otherEnd")
        .done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of("orderId", "o-1")).key();
    assertThat(engine.instance(instanceKey)).hasActiveElements("other");

    // when
    publish(message, "o-1", Map.of("reason", "late"));

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .containsSubsequence(
            tuple("work", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple("esp", ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple("espStart", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("espEnd", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("esp", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(processId, ProcessInstanceIntent.ELEMENT_COMPLETED))
        .contains(tuple("other", ProcessInstanceIntent.ELEMENT_TERMINATED))
        .doesNotContain(tuple("end", ProcessInstanceIntent.ELEMENT_ACTIVATING));
    assertThat(engine.records().elementEvents(instanceKey)).filteredOn(r -> value(r).elementId().equals("esp"))
        .extracting(r -> value(r).bpmnElementType()).containsOnly(BpmnElementType.EVENT_SUB_PROCESS);
    assertThat(variablesWritten(instanceKey)).containsEntry("reason", "\"late\"");
    // an interrupting subscription is consumed by its correlation
    assertThat(subscriptionEvents(instanceKey)).containsExactly(
        ProcessMessageSubscriptionIntent.CREATED, ProcessMessageSubscriptionIntent.CORRELATED);
  }

  // spec §14 scenario 18
  @Test
  void shouldFireNonInterruptingMessageStartTwiceAndWaitForBoth() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-work";
    String espType = processId + "-esp";
    String message = processId + "-remind";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
        .eventSubProcess("esp", e -> e.startEvent("espStart").interrupting(false)
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId"))
            .serviceTask("remind", t -> t.zeebeJobType(espType)).endEvent("espEnd"))
        .startEvent("start").serviceTask("work", t -> t.zeebeJobType(type)).endEvent("end")
        .done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of("orderId", "o-2")).key();
    ActivatedJob work = engine.activateJob(type);

    // when
    publish(message, "o-2", Map.of());
    publish(message, "o-2", Map.of());
    List<ActivatedJob> reminders = awaitJobs(espType, 2);
    engine.client().newCompleteCommand(work.getKey()).send().join();

    // then: the main path ended but the process waits for both event subprocesses
    assertThat(engine.instance(instanceKey)).hasPassedElements("end");
    assertThat(engine.records().hasElementEvent(instanceKey, processId, ProcessInstanceIntent.ELEMENT_COMPLETED)).isFalse();
    engine.client().newCompleteCommand(reminders.get(0).getKey()).send().join();
    assertThat(engine.instance(instanceKey)).hasPassedElements("espEnd");
    assertThat(engine.records().hasElementEvent(instanceKey, processId, ProcessInstanceIntent.ELEMENT_COMPLETED)).isFalse();
    engine.client().newCompleteCommand(reminders.get(1).getKey()).send().join();
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().elementEvents(instanceKey))
        .filteredOn(r -> value(r).elementId().equals("esp") && r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .hasSize(2);
    assertThat(subscriptionEvents(instanceKey)).containsExactly(ProcessMessageSubscriptionIntent.CREATED,
        ProcessMessageSubscriptionIntent.CORRELATED, ProcessMessageSubscriptionIntent.CORRELATED,
        ProcessMessageSubscriptionIntent.DELETED);
  }

  @Test
  void shouldCatchJobErrorByErrorEventSubprocessAndPropagateItsVariables() {
    // given: an error event subprocess inside an embedded subprocess, plus a catch-all at process level
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-charge";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
        .eventSubProcess("outerEsp", e -> e.startEvent("outerStart").error().endEvent("outerEnd"))
        .startEvent("start")
        .subProcess("sub").embeddedSubProcess()
        .eventSubProcess("anyEsp", e -> e.startEvent("anyStart").error().endEvent("anyEnd"))
        .eventSubProcess("cardEsp", e -> e.startEvent("cardStart").error("INVALID_CARD").endEvent("cardEnd"))
        .startEvent("subStart").parallelGateway("fork")
        .serviceTask("charge", t -> t.zeebeJobType(type)).endEvent("chargeEnd")
        .moveToNode("fork").userTask("wait").endEvent("waitEnd")
        .subProcessDone().endEvent("end")
        .done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    ActivatedJob job = engine.activateJob(type);

    // when
    engine.client().newThrowErrorCommand(job.getKey()).errorCode("INVALID_CARD").errorMessage("declined")
        .variables(Map.of("declineReason", "expired")).send().join();

    // then: the exact code wins, the subprocess's other children end and the subprocess completes normally
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .containsSubsequence(
            tuple("charge", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple("cardEsp", ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple("cardEnd", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("sub", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("end", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(processId, ProcessInstanceIntent.ELEMENT_COMPLETED))
        .contains(tuple("wait", ProcessInstanceIntent.ELEMENT_TERMINATED))
        .doesNotContain(tuple("anyEsp", ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple("outerEsp", ProcessInstanceIntent.ELEMENT_ACTIVATING));
    assertThat(engine.incidents(instanceKey)).isEmpty();
    assertThat(variablesWritten(instanceKey)).containsEntry("declineReason", "\"expired\"");
  }

  @Test
  void shouldFireTimerEventSubprocessesInterruptingOnceAndNonInterruptingRepeatedly() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-work";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
        .eventSubProcess("tick", e -> e.startEvent("tickStart").interrupting(false).timerWithCycle("R/PT1M")
            .endEvent("tickEnd"))
        .eventSubProcess("timeout", e -> e.startEvent("timeoutStart").timerWithDuration("PT10M")
            .endEvent("timeoutEnd"))
        .startEvent("start").serviceTask("work", t -> t.zeebeJobType(type)).endEvent("end")
        .done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    assertThat(engine.instance(instanceKey)).hasActiveElements("work");

    // when
    for (int i = 0; i < 3; i++) {
      engine.advance(Duration.ofSeconds(61));
      int fired = i + 1;
      engine.awaitIdle();
      assertThat(count(instanceKey, "tickEnd", ProcessInstanceIntent.ELEMENT_COMPLETED) == fired).as("tick fired " + fired).isTrue();
    }
    assertThat(engine.records().hasElementEvent(instanceKey, processId, ProcessInstanceIntent.ELEMENT_COMPLETED)).isFalse();
    engine.advance(Duration.ofMinutes(8));

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .containsSubsequence(
            tuple("work", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple("timeout", ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple("timeoutEnd", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(processId, ProcessInstanceIntent.ELEMENT_COMPLETED))
        .doesNotContain(tuple("end", ProcessInstanceIntent.ELEMENT_ACTIVATING));
    assertThat(count(instanceKey, "timeout", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isEqualTo(1);
    List<TimerIntent> timers = engine.records().matching(r -> r.valueType() == ValueType.TIMER
            && r.recordType() == RecordType.EVENT && ((TimerRecord) r.value()).processInstanceKey() == instanceKey
            && ((TimerRecord) r.value()).targetElementId().equals("tickStart"))
        .stream().map(r -> (TimerIntent) r.intent()).toList();
    assertThat(timers).last().isEqualTo(TimerIntent.CANCELED);
  }

  @Test
  void shouldOpenEventSubprocessSubscriptionsOfEmbeddedSubprocessOnlyWhileItIsActive() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-work";
    String message = processId + "-note";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .subProcess("sub").embeddedSubProcess()
        .eventSubProcess("noteEsp", e -> e.startEvent("noteStart").interrupting(false)
            .message(m -> m.name(message).zeebeCorrelationKeyExpression("orderId")).endEvent("noteEnd"))
        .startEvent("subStart").serviceTask("work", t -> t.zeebeJobType(type)).endEvent("subEnd")
        .subProcessDone().userTask("after").endEvent("end")
        .done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of("orderId", "o-3")).key();
    ActivatedJob work = engine.activateJob(type);

    // when
    publish(message, "o-3", Map.of());
    assertThat(engine.instance(instanceKey)).hasPassedElements("noteEnd");
    engine.client().newCompleteCommand(work.getKey()).send().join();
    assertThat(engine.instance(instanceKey)).hasActiveElements("after");

    // then
    assertThat(subscriptionEvents(instanceKey)).containsExactly(ProcessMessageSubscriptionIntent.CREATED,
        ProcessMessageSubscriptionIntent.CORRELATED, ProcessMessageSubscriptionIntent.DELETED);
    assertThat(engine.records().elementEvents(instanceKey)).filteredOn(r -> value(r).elementId().equals("noteEsp"))
        .allMatch(r -> value(r).flowScopeKey() != instanceKey);
  }

  /** The last value written for each variable of a scope, as JSON text. */
  private Map<String, String> variablesWritten(long scopeKey) {
    Map<String, String> variables = new java.util.LinkedHashMap<>();
    engine.records().matching(r -> r.valueType() == ValueType.VARIABLE && r.recordType() == RecordType.EVENT
            && ((VariableRecord) r.value()).scopeKey() == scopeKey)
        .forEach(r -> variables.put(((VariableRecord) r.value()).name(), ((VariableRecord) r.value()).value()));
    return variables;
  }

  private List<ActivatedJob> awaitJobs(String type, int count) {
    List<ActivatedJob> jobs = engine.activateJobs(type, count);
    assertThat(jobs).as(count + " jobs of " + type).hasSize(count);
    return jobs;
  }

  private long count(long instanceKey, String elementId, ProcessInstanceIntent intent) {
    return engine.records().elementEvents(instanceKey).stream()
        .filter(r -> r.intent() == intent && value(r).elementId().equals(elementId)).count();
  }

  private void publish(String name, String key, Map<String, Object> variables) {
    engine.client().newPublishMessageCommand().messageName(name).correlationKey(key).timeToLive(Duration.ZERO)
        .variables(variables).send().join();
  }

  private List<ProcessMessageSubscriptionIntent> subscriptionEvents(long processInstanceKey) {
    return engine.records().matching(r -> r.valueType() == ValueType.PROCESS_MESSAGE_SUBSCRIPTION
            && r.recordType() == RecordType.EVENT
            && ((ProcessMessageSubscriptionRecord) r.value()).processInstanceKey() == processInstanceKey)
        .stream().map(r -> (ProcessMessageSubscriptionIntent) r.intent()).toList();
  }

  private static ProcessInstanceRecord value(Record record) {
    return (ProcessInstanceRecord) record.value();
  }
}
