package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.ProcessIntent;
import dev.engranaje.engine.record.ProcessRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.SignalSubscriptionIntent;
import dev.engranaje.engine.record.SignalSubscriptionRecord;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The redeploy matrix (spec §1.3, §14 scenario 26): duplicates keep version and key, every change
 * (also a return to earlier content) is a new version, running instances stay on their version, and
 * a new version takes over the start events (timers cancelled, message and signal start
 * subscriptions replaced) while a duplicate leaves them alone.
 */
@ProcessTest(autoTimeSkipping = false)
class RedeploymentTest {
  private static final String RESOURCE = "versioned.bpmn";

  ProcessTestEngine engine;

  @Test
  void shouldKeepVersionAndKeyAndWriteNoProcessRecordWhenIdenticalResourceIsRedeployed() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    BpmnModelInstance model = modelA(processId);
    Process first = deploy(model, RESOURCE);

    // when the same bytes are deployed under the same resource name
    Process again = deploy(model, RESOURCE);

    // then
    assertThat(again.getVersion()).isEqualTo(1);
    assertThat(again.getProcessDefinitionKey()).isEqualTo(first.getProcessDefinitionKey());
    assertThat(processCreated(processId)).extracting(ProcessRecord::version).containsExactly(1);
  }

  @Test
  void shouldCreateNewVersionWhenSameBytesComeUnderAnotherResourceName() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    BpmnModelInstance model = modelA(processId);
    Process first = deploy(model, RESOURCE);

    // when
    Process renamed = deploy(model, "renamed.bpmn");

    // then
    assertThat(renamed.getVersion()).isEqualTo(2);
    assertThat(renamed.getProcessDefinitionKey()).isNotEqualTo(first.getProcessDefinitionKey());
    assertThat(processCreated(processId)).extracting(ProcessRecord::version, ProcessRecord::resourceName)
        .containsExactly(tuple(1, RESOURCE), tuple(2, "renamed.bpmn"));
  }

  @Test
  void shouldCreateNewVersionForEachChangeAndForAReturnToAnEarlierContent() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    BpmnModelInstance modelA = modelA(processId);
    Process a = deploy(modelA, RESOURCE);

    // when A, then B, then A again (the builder's generated ids differ per model, so reuse A's)
    Process b = deploy(modelB(processId), RESOURCE);
    Process aAgain = deploy(modelA, RESOURCE);

    // then
    assertThat(List.of(a.getVersion(), b.getVersion(), aAgain.getVersion())).containsExactly(1, 2, 3);
    assertThat(List.of(a.getProcessDefinitionKey(), b.getProcessDefinitionKey(), aAgain.getProcessDefinitionKey()))
        .doesNotHaveDuplicates();
    assertThat(processCreated(processId)).extracting(ProcessRecord::version).containsExactly(1, 2, 3);
  }

  @Test
  void shouldKeepRunningInstancesOnTheirVersionUntilTheyCompleteAndStartNewOnesOnTheLatest() {
    // given an instance of version 1 waiting at its task
    String processId = ProcessTestEngine.uniqueId("process");
    Process v1 = deploy(modelA(processId), RESOURCE);
    long onV1 = engine.startInstance(processId, Map.of()).key();
    ActivatedJob v1Job = engine.activateJob(processId + "-a");

    // when version 2 is deployed, a new instance starts and the old one goes on
    Process v2 = deploy(modelB(processId), RESOURCE);
    long onV2 = engine.startInstance(processId, Map.of()).key();
    ActivatedJob v2Job = engine.activateJob(processId + "-b");
    engine.client().newCompleteCommand(v1Job.getKey()).send().join();
    engine.client().newCompleteCommand(v2Job.getKey()).send().join();

    // then each instance ran its own version from start to end (v1 ends in "end", v2 in "done")
    assertThat(engine.instance(onV1)).isCompleted();
    assertThat(engine.instance(onV2)).isCompleted();
    assertThat(v1Job.getProcessDefinitionVersion()).isEqualTo(1);
    assertThat(v2Job.getProcessDefinitionVersion()).isEqualTo(2);
    assertThat(engine.records().elementEvents(onV1)).extracting(r -> instance(r).processDefinitionKey(), r -> instance(r).version())
        .containsOnly(tuple(v1.getProcessDefinitionKey(), 1));
    assertThat(engine.records().hasElementEvent(onV1, "end", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
    assertThat(engine.records().elementEvents(onV2)).extracting(r -> instance(r).processDefinitionKey(), r -> instance(r).version())
        .containsOnly(tuple(v2.getProcessDefinitionKey(), 2));
    assertThat(engine.records().hasElementEvent(onV2, "done", ProcessInstanceIntent.ELEMENT_COMPLETED)).isTrue();
  }

  @Test
  void shouldCancelStartTimerOfPreviousVersionAndFireOnlyTheNewOne() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    long v1 = deploy(timerStart(processId, "endV1"), RESOURCE).getProcessDefinitionKey();

    // when
    long v2 = deploy(timerStart(processId, "endV2"), RESOURCE).getProcessDefinitionKey();
    engine.advance(Duration.ofMinutes(1));

    // then
    engine.awaitIdle();
    assertThat(processInstances(processId).size() == 1).as("an instance of version 2").isTrue();
    assertThat(startTimers(v1)).containsExactly(TimerIntent.CREATED, TimerIntent.CANCELED);
    assertThat(startTimers(v2)).startsWith(TimerIntent.CREATED, TimerIntent.TRIGGERED);
    assertThat(processInstances(processId)).extracting(ProcessInstanceRecord::processDefinitionKey)
        .containsExactly(v2);
  }

  @Test
  void shouldLeaveStartTimerArmedWhenIdenticalResourceIsRedeployed() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    BpmnModelInstance model = timerStart(processId, "end");
    long v1 = deploy(model, RESOURCE).getProcessDefinitionKey();

    // when
    long again = deploy(model, RESOURCE).getProcessDefinitionKey();
    engine.advance(Duration.ofMinutes(1));

    // then
    engine.awaitIdle();
    assertThat(processInstances(processId).size() == 1).as("an instance of version 1").isTrue();
    assertThat(again).isEqualTo(v1);
    assertThat(startTimers(v1)).startsWith(TimerIntent.CREATED, TimerIntent.TRIGGERED)
        .doesNotContain(TimerIntent.CANCELED);
  }

  @Test
  void shouldStartOnlyTheNewVersionWhenMessageStartProcessIsRedeployed() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String message = processId + "-order";
    deploy(messageStart(processId, message, "endV1"), RESOURCE);

    // when
    long v2 = deploy(messageStart(processId, message, "endV2"), RESOURCE).getProcessDefinitionKey();
    engine.client().newPublishMessageCommand().messageName(message).correlationKey("").send().join();

    // then one instance, of version 2
    engine.awaitIdle();
    assertThat(processInstances(processId).size() == 1).as("an instance").isTrue();
    ProcessInstanceRecord started = processInstances(processId).get(0);
    assertThat(started.processDefinitionKey()).isEqualTo(v2);
    assertThat(engine.instance(started.processInstanceKey())).isCompleted();
    assertThat(engine.records().hasElementEvent(started.processInstanceKey(), "endV2", ProcessInstanceIntent.ELEMENT_COMPLETED))
        .isTrue();
    assertThat(processInstances(processId)).hasSize(1);
  }

  @Test
  void shouldReplaceSignalStartSubscriptionOfPreviousVersion() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String signal = processId + "-go";
    long v1 = deploy(signalStart(processId, signal, "endV1"), RESOURCE).getProcessDefinitionKey();

    // when
    long v2 = deploy(signalStart(processId, signal, "endV2"), RESOURCE).getProcessDefinitionKey();
    engine.client().newBroadcastSignalCommand().signalName(signal).send().join();

    // then
    engine.awaitIdle();
    assertThat(processInstances(processId).size() == 1).as("an instance").isTrue();
    assertThat(signalSubscriptions(processId)).extracting(r -> r.intent(),
            r -> ((SignalSubscriptionRecord) r.value()).processDefinitionKey())
        .containsExactly(tuple(SignalSubscriptionIntent.CREATED, v1), tuple(SignalSubscriptionIntent.DELETED, v1),
            tuple(SignalSubscriptionIntent.CREATED, v2));
    assertThat(processInstances(processId)).extracting(ProcessInstanceRecord::processDefinitionKey)
        .containsExactly(v2);
  }

  private Process deploy(BpmnModelInstance model, String resourceName) {
    return engine.client().newDeployResourceCommand().addProcessModel(model, resourceName).send().join()
        .getProcesses().get(0);
  }

  private List<ProcessRecord> processCreated(String processId) {
    return engine.records().matching(r -> r.valueType() == ValueType.PROCESS && r.intent() == ProcessIntent.CREATED
        && ((ProcessRecord) r.value()).bpmnProcessId().equals(processId)).stream()
        .map(r -> (ProcessRecord) r.value()).toList();
  }

  private List<ProcessInstanceRecord> processInstances(String processId) {
    return engine.records().matching(r -> r.valueType() == ValueType.PROCESS_INSTANCE && r.recordType() == RecordType.EVENT
        && r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING && r.key() == instance(r).processInstanceKey()
        && instance(r).bpmnProcessId().equals(processId)).stream().map(RedeploymentTest::instance).toList();
  }

  private List<Object> startTimers(long processDefinitionKey) {
    return engine.records().matching(r -> r.valueType() == ValueType.TIMER && r.recordType() == RecordType.EVENT
        && ((TimerRecord) r.value()).processDefinitionKey() == processDefinitionKey).stream()
        .map(r -> (Object) r.intent()).toList();
  }

  private List<Record> signalSubscriptions(String processId) {
    return engine.records().matching(r -> r.valueType() == ValueType.SIGNAL_SUBSCRIPTION && r.recordType() == RecordType.EVENT
        && ((SignalSubscriptionRecord) r.value()).bpmnProcessId().equals(processId));
  }

  private static ProcessInstanceRecord instance(Record record) {
    return (ProcessInstanceRecord) record.value();
  }

  private static BpmnModelInstance modelA(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(processId + "-a")).endEvent("end").done();
  }

  private static BpmnModelInstance modelB(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType(processId + "-b")).endEvent("done").done();
  }

  private static BpmnModelInstance timerStart(String processId, String endId) {
    return Bpmn.createExecutableProcess(processId).startEvent("timerStart").timerWithCycle("R/PT1M")
        .endEvent(endId).done();
  }

  private static BpmnModelInstance messageStart(String processId, String message, String endId) {
    return Bpmn.createExecutableProcess(processId).startEvent("messageStart").message(message).endEvent(endId).done();
  }

  private static BpmnModelInstance signalStart(String processId, String signal, String endId) {
    return Bpmn.createExecutableProcess(processId).startEvent("signalStart").signal(signal).endEvent(endId).done();
  }
}
