package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.SignalSubscriptionIntent;
import dev.engranaje.engine.record.SignalSubscriptionRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Event subprocesses started by a signal (spec §7.3, §8), triggered through the client's
 * broadcast: the subscription opens with the enclosing scope and closes when the scope is left or
 * interrupted.
 */
@ProcessTest(autoTimeSkipping = false)
class SignalEventSubprocessTest {
  ProcessTestEngine engine;

  @Test
  void shouldTerminateSiblingsAndCloseSubscriptionWhenInterruptingSignalStartFires() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String signal = processId + "-cancel";
    String type = processId + "-work";
    engine.deploy(Bpmn.createExecutableProcess(processId)
        .eventSubProcess("esp", e -> e.startEvent("espStart").interrupting(true).signal(signal).endEvent("espEnd"))
        .startEvent("start").serviceTask("work", t -> t.zeebeJobType(type)).endEvent("end")
        .done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    ActivatedJob work = engine.activateJob(type);

    // when
    broadcast(signal, Map.of("reason", "fraud"));

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
        .doesNotContain(tuple("end", ProcessInstanceIntent.ELEMENT_ACTIVATING));
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.JOB && r.intent() == JobIntent.CANCELED
        && ((JobRecord) r.value()).elementInstanceKey() == work.getElementInstanceKey())).hasSize(1);
    assertThat(subscriptionEvents(processId)).containsExactly(
        tuple(SignalSubscriptionIntent.CREATED, "espStart", instanceKey, true),
        tuple(SignalSubscriptionIntent.DELETED, "espStart", instanceKey, true));
    assertThat(variableWrites(instanceKey, "reason")).containsExactly("\"fraud\"");
  }

  @Test
  void shouldFireNonInterruptingSignalStartOnEachBroadcastAndWaitForItsSubprocesses() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String signal = processId + "-remind";
    String type = processId + "-work";
    String remindType = processId + "-remind";
    engine.deploy(Bpmn.createExecutableProcess(processId)
        .eventSubProcess("esp", e -> e.startEvent("espStart").interrupting(false).signal(signal)
            .serviceTask("remind", t -> t.zeebeJobType(remindType)).endEvent("espEnd"))
        .startEvent("start").serviceTask("work", t -> t.zeebeJobType(type)).endEvent("end")
        .done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    ActivatedJob work = engine.activateJob(type);

    // when
    broadcast(signal, Map.of());
    broadcast(signal, Map.of());
    List<ActivatedJob> reminders = awaitJobs(remindType, 2);
    engine.client().newCompleteCommand(work.getKey()).send().join();

    // then the main path ends, but the process waits for both event subprocesses
    assertThat(engine.instance(instanceKey)).hasPassedElements("end");
    assertThat(engine.records().hasElementEvent(instanceKey, processId, ProcessInstanceIntent.ELEMENT_COMPLETED)).isFalse();
    reminders.forEach(job -> engine.client().newCompleteCommand(job.getKey()).send().join());
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().elementEvents(instanceKey))
        .filteredOn(r -> value(r).elementId().equals("esp") && r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .hasSize(2);
    assertThat(subscriptionEvents(processId)).containsExactly(
        tuple(SignalSubscriptionIntent.CREATED, "espStart", instanceKey, false),
        tuple(SignalSubscriptionIntent.DELETED, "espStart", instanceKey, false));
  }

  @Test
  void shouldInterruptOnlyTheSubprocessWhenItsSignalStartFiresAndCloseTheSubscriptionWhenTheScopeIsLeft() {
    // given an event subprocess inside an embedded subprocess, its signal name taken from a variable
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-work";
    String afterType = processId + "-after";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .subProcess("sub").embeddedSubProcess()
        .eventSubProcess("stopEsp", e -> e.startEvent("stopStart").interrupting(true).signal("=\"stop-\" + orderId")
            .endEvent("stopEnd"))
        .startEvent("subStart").serviceTask("work", t -> t.zeebeJobType(type)).endEvent("subEnd")
        .subProcessDone()
        .serviceTask("after", t -> t.zeebeJobType(afterType)).endEvent("end")
        .done();
    engine.deploy(model);
    long stopped = engine.startInstance(processId, Map.of("orderId", "o-1")).key();
    long finished = engine.startInstance(processId, Map.of("orderId", "o-2")).key();
    List<ActivatedJob> works = awaitJobs(type, 2);
    ActivatedJob finishedWork = works.stream().filter(j -> j.getProcessInstanceKey() == finished).findFirst()
        .orElseThrow();

    // when the second instance leaves its subprocess normally, then both signals are broadcast
    engine.client().newCompleteCommand(finishedWork.getKey()).send().join();
    assertThat(engine.instance(finished)).hasActiveElements("after");
    broadcast("stop-o-2", Map.of());
    broadcast("stop-o-1", Map.of());

    // then the first instance's subprocess was interrupted and the process went on after it
    assertThat(engine.instance(stopped)).hasActiveElements("after");
    assertThat(engine.records().elementEvents(stopped)).extracting(r -> value(r).elementId(), Record::intent)
        .containsSubsequence(
            tuple("work", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple("stopEnd", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("sub", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("after", ProcessInstanceIntent.ELEMENT_ACTIVATED));
    // and the second instance's subscription had closed with its subprocess, so its signal found nothing
    assertThat(engine.records().hasElementEvent(finished, "stopEsp", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
    assertThat(subscriptionEvents(processId)).extracting(t -> t.toList().get(0), t -> t.toList().get(1))
        .containsExactlyInAnyOrder(
            tuple(SignalSubscriptionIntent.CREATED, "stopStart"), tuple(SignalSubscriptionIntent.CREATED, "stopStart"),
            tuple(SignalSubscriptionIntent.DELETED, "stopStart"), tuple(SignalSubscriptionIntent.DELETED, "stopStart"));
    assertThat(signalNames(processId)).containsExactlyInAnyOrder("stop-o-1", "stop-o-2");
  }

  private void broadcast(String signal, Map<String, Object> variables) {
    engine.client().newBroadcastSignalCommand().signalName(signal).variables(variables).send().join();
  }

  private List<ActivatedJob> awaitJobs(String type, int count) {
    List<ActivatedJob> jobs = engine.activateJobs(type, count);
    assertThat(jobs).as(count + " jobs of " + type).hasSize(count);
    return jobs;
  }

  /** (intent, catchElementId, catchEventInstanceKey, interrupting) of the process's signal subscriptions. */
  private List<Tuple> subscriptionEvents(String processId) {
    return subscriptions(processId).stream().map(r -> {
      SignalSubscriptionRecord s = (SignalSubscriptionRecord) r.value();
      return tuple(r.intent(), s.catchElementId(), s.catchEventInstanceKey(), s.interrupting());
    }).toList();
  }

  private List<String> signalNames(String processId) {
    return subscriptions(processId).stream().filter(r -> r.intent() == SignalSubscriptionIntent.CREATED)
        .map(r -> ((SignalSubscriptionRecord) r.value()).signalName()).toList();
  }

  private List<Record> subscriptions(String processId) {
    return engine.records().matching(r -> r.valueType() == ValueType.SIGNAL_SUBSCRIPTION && r.recordType() == RecordType.EVENT
        && ((SignalSubscriptionRecord) r.value()).bpmnProcessId().equals(processId));
  }

  private List<String> variableWrites(long scopeKey, String name) {
    return engine.records().matching(r -> r.valueType() == ValueType.VARIABLE
            && ((VariableRecord) r.value()).scopeKey() == scopeKey
            && ((VariableRecord) r.value()).name().equals(name)).stream()
        .map(r -> ((VariableRecord) r.value()).value()).toList();
  }

  private static ProcessInstanceRecord value(Record record) {
    return (ProcessInstanceRecord) record.value();
  }
}
