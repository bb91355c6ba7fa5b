package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.SignalIntent;
import dev.engranaje.engine.record.SignalRecord;
import dev.engranaje.engine.record.SignalSubscriptionIntent;
import dev.engranaje.engine.record.SignalSubscriptionRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.BroadcastSignalResponse;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Signal catch, boundary, start, throw and end events (spec §7.3, §14 scenario 27), driven through
 * the official client.
 */
@ProcessTest(autoTimeSkipping = false)
class SignalTest {
  ProcessTestEngine engine;

  @Test
  void shouldContinueAllWaitingInstancesAndStartOneInstancePerProcessWhenSignalIsBroadcast() {
    // given two instances waiting at a signal catch event (scenario 27)
    String signal = "cancelled-" + UUID.randomUUID();
    String catchId = ProcessTestEngine.uniqueId("process");
    engine.deploy(catchProcess(catchId, signal));
    long first = engine.startInstance(catchId, Map.of()).key();
    long second = engine.startInstance(catchId, Map.of()).key();
    assertThat(engine.instance(first)).hasActiveElements("catch");
    assertThat(engine.instance(second)).hasActiveElements("catch");
    // and two processes with a signal start event, one of them in two versions
    String startA = ProcessTestEngine.uniqueId("process");
    String startB = ProcessTestEngine.uniqueId("process");
    engine.deploy(startProcess(startA, signal, "end"));
    long latestA = engine.deploy(startProcess(startA, signal, "end2")).getProcesses().get(0).getProcessDefinitionKey();
    engine.deploy(startProcess(startB, signal, "end"));

    // when the signal is broadcast
    BroadcastSignalResponse response = engine.client().newBroadcastSignalCommand().signalName(signal)
        .variables(Map.of("reason", "late")).send().join();

    // then both waiting instances continue with the signal variables
    assertThat(response.getKey()).isPositive();
    assertThat(engine.instance(first)).isCompleted();
    assertThat(engine.instance(second)).isCompleted();
    assertThat(rootVariable(first, "reason")).isEqualTo("\"late\"");
    assertThat(rootVariable(second, "reason")).isEqualTo("\"late\"");
    // and each signal-start process gets exactly one instance, of its latest version
    engine.awaitIdle();
    assertThat(createdInstances(startA)).as("signal start instances of " + startA).hasSize(1);
    assertThat(createdInstances(startB)).as("signal start instances of " + startB).hasSize(1);
    assertThat(createdInstances(startA).get(0).processDefinitionKey()).isEqualTo(latestA);
    long startedA = createdInstances(startA).get(0).processInstanceKey();
    assertThat(engine.instance(startedA)).isCompleted();
    assertThat(rootVariable(startedA, "reason")).isEqualTo("\"late\"");
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.SIGNAL && r.recordType() == RecordType.EVENT
        && r.intent() == SignalIntent.BROADCASTED && ((SignalRecord) r.value()).signalName().equals(signal)))
        .hasSize(1);
  }

  @Test
  void shouldNotBufferSignalBroadcastBeforeCatchEventWaits() {
    // given a signal broadcast before any instance waits
    String signal = "early-" + UUID.randomUUID();
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(catchProcess(processId, signal));
    engine.client().newBroadcastSignalCommand().signalName(signal).send().join();

    // when an instance starts waiting
    long instance = engine.startInstance(processId, Map.of()).key();
    assertThat(engine.instance(instance)).hasActiveElements("catch");

    // then it still waits, and a new broadcast continues it, deleting its subscription
    assertThat(engine.records().hasElementEvent(instance, "catch", ProcessInstanceIntent.ELEMENT_COMPLETED)).isFalse();
    engine.client().newBroadcastSignalCommand().signalName(signal).send().join();
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(subscriptionEvents(processId)).containsExactly(
        SignalSubscriptionIntent.CREATED, SignalSubscriptionIntent.DELETED);
  }

  @Test
  void shouldTerminateTaskWhenInterruptingSignalBoundaryFires() {
    // given a service task with an interrupting signal boundary
    String signal = "abort-" + UUID.randomUUID();
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-work";
    engine.deploy(boundaryProcess(processId, signal, type, true));
    long instance = engine.startInstance(processId, Map.of()).key();
    assertThat(engine.instance(instance)).hasActiveElements("task");

    // when the signal is broadcast
    engine.client().newBroadcastSignalCommand().signalName(signal).variables(Map.of("why", 1)).send().join();

    // then the task is terminated and the boundary path taken, with the payload at the root
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(engine.records().hasElementEvent(instance, "task", ProcessInstanceIntent.ELEMENT_TERMINATED)).isTrue();
    assertThat(engine.records().hasElementEvent(instance, "boundaryEnd", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(rootVariable(instance, "why")).isEqualTo("1");
    assertThat(subscriptionEvents(processId)).containsExactly(
        SignalSubscriptionIntent.CREATED, SignalSubscriptionIntent.DELETED);
  }

  @Test
  void shouldFireNonInterruptingSignalBoundaryEachTimeWhileTaskLives() {
    // given a service task with a non-interrupting signal boundary
    String signal = "ping-" + UUID.randomUUID();
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-work";
    engine.deploy(boundaryProcess(processId, signal, type, false));
    long instance = engine.startInstance(processId, Map.of()).key();
    assertThat(engine.instance(instance)).hasActiveElements("task");

    // when the signal is broadcast twice
    engine.client().newBroadcastSignalCommand().signalName(signal).send().join();
    engine.client().newBroadcastSignalCommand().signalName(signal).send().join();

    // then the boundary path ran twice and the task still waits
    engine.awaitIdle();
    assertThat(completions(instance, "boundaryEnd") == 2).as("two boundary completions").isTrue();
    assertThat(engine.records().hasElementEvent(instance, "task", ProcessInstanceIntent.ELEMENT_TERMINATED)).isFalse();

    // when the job completes, then the instance completes and the subscription is deleted
    ActivatedJob job = engine.activateJob(type);
    engine.client().newCompleteCommand(job.getKey()).send().join();
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(subscriptionEvents(processId)).containsExactly(
        SignalSubscriptionIntent.CREATED, SignalSubscriptionIntent.DELETED);
  }

  @Test
  void shouldBroadcastLocalVariablesWhenThrowEventAndEndEventFire() {
    // given instances waiting for two signals
    String signal = "done-" + UUID.randomUUID();
    String endSignal = "finished-" + UUID.randomUUID();
    String catchId = ProcessTestEngine.uniqueId("process");
    String endCatchId = ProcessTestEngine.uniqueId("process");
    engine.deploy(catchProcess(catchId, signal));
    engine.deploy(catchProcess(endCatchId, endSignal));
    long waiting = engine.startInstance(catchId, Map.of()).key();
    long endWaiting = engine.startInstance(endCatchId, Map.of()).key();
    assertThat(engine.instance(waiting)).hasActiveElements("catch");
    assertThat(engine.instance(endWaiting)).hasActiveElements("catch");
    // and a process that throws the first with a mapped local, then ends with the second
    String throwId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(throwId).startEvent()
        .intermediateThrowEvent("throw", e -> e.signal(signal).zeebeInputExpression("x * 10", "total"))
        .endEvent("end", e -> e.signal(endSignal).zeebeInputExpression("\"bye\"", "note"))
        .done());

    // when the throwing process runs
    long thrower = engine.startInstance(throwId, Map.of("x", 4)).key();

    // then the waiting instances continue with the locals only, and the thrower completes
    assertThat(engine.instance(thrower)).isCompleted();
    assertThat(engine.instance(waiting)).isCompleted();
    assertThat(engine.instance(endWaiting)).isCompleted();
    assertThat(rootVariable(waiting, "total")).isEqualTo("40");
    assertThat(engine.records().variableWrites(waiting, "x")).isEmpty();
    assertThat(rootVariable(endWaiting, "note")).isEqualTo("\"bye\"");
    assertThat(engine.records().variableWrites(thrower, "total")).isEmpty();
  }

  @Test
  void shouldRaiseExtractValueErrorWhenCatchEventSignalNameIsNotAStringAndSubscribeOnResolve() {
    // given a catch event whose signal name comes from a variable that is missing
    String signal = "named-" + UUID.randomUUID();
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(catchProcess(processId, "=signalName"));

    // when
    long instance = engine.startInstance(processId, Map.of()).key();

    // then an incident is raised and nothing is subscribed
    assertThat(engine.instance(instance)).hasIncident();
    List<Incident> incidents = engine.incidents(instance);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorType().name()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(subscriptionEvents(processId)).isEmpty();

    // when the name is set and the incident resolved, then the event subscribes and a broadcast continues it
    engine.client().newSetVariablesCommand(instance).variables(Map.of("signalName", signal)).send().join();
    engine.client().newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    assertThat(engine.instance(instance)).hasActiveElements("catch");
    engine.client().newBroadcastSignalCommand().signalName(signal).send().join();
    assertThat(engine.instance(instance)).isCompleted();
  }

  private static BpmnModelInstance catchProcess(String processId, String signal) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("catch", e -> e.signal(signal)).endEvent().done();
  }

  private static BpmnModelInstance startProcess(String processId, String signal, String endId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").signal(signal).endEvent(endId).done();
  }

  private static BpmnModelInstance boundaryProcess(String processId, String signal, String type,
      boolean interrupting) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("task", t -> t.zeebeJobType(type))
        .boundaryEvent("onSignal", b -> b.cancelActivity(interrupting).signal(signal))
        .endEvent("boundaryEnd")
        .moveToActivity("task").endEvent("end").done();
  }

  private List<ProcessInstanceRecord> createdInstances(String processId) {
    return engine.records().matching(r -> r.valueType() == ValueType.PROCESS_INSTANCE
            && r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING
            && ((ProcessInstanceRecord) r.value()).bpmnElementType() == BpmnElementType.PROCESS
            && ((ProcessInstanceRecord) r.value()).bpmnProcessId().equals(processId))
        .stream().map(r -> (ProcessInstanceRecord) r.value()).toList();
  }

  private List<SignalSubscriptionIntent> subscriptionEvents(String processId) {
    return engine.records().matching(r -> r.valueType() == ValueType.SIGNAL_SUBSCRIPTION && r.recordType() == RecordType.EVENT
            && ((SignalSubscriptionRecord) r.value()).bpmnProcessId().equals(processId))
        .stream().map(r -> (SignalSubscriptionIntent) r.intent()).toList();
  }

  private long completions(long instance, String elementId) {
    return engine.records().elementEvents(instance).stream().filter(r -> r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED
        && ((ProcessInstanceRecord) r.value()).elementId().equals(elementId)).count();
  }

  private String rootVariable(long instance, String name) {
    List<Record> writes = engine.records().variableWrites(instance, name);
    assertThat(writes).as("writes of root variable '%s'", name).isNotEmpty();
    return ((VariableRecord) writes.get(writes.size() - 1).value()).value();
  }
}
