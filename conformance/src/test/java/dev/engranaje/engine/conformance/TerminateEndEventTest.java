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
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Terminate end events (spec §7.7, scenario 23): the other element instances of the scope are
 * terminated and the scope completes.
 */
@ProcessTest(autoTimeSkipping = false)
class TerminateEndEventTest {
  ProcessTestEngine engine;

  // spec §14 scenario 23
  @Test
  void shouldTerminateOtherBranchAndCompleteProcessWhenTerminateEndEventIsReached() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-work";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start").parallelGateway("fork")
        .serviceTask("work", t -> t.zeebeJobType(type)).endEvent("workEnd")
        .moveToNode("fork").serviceTask("decide", t -> t.zeebeJobType(processId + "-decide"))
        .endEvent("stop", e -> e.terminate())
        .done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    engine.activateJob(type);

    // when
    engine.client().newCompleteCommand(engine.activateJob(processId + "-decide").getKey()).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .containsSubsequence(
            tuple("stop", ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple("stop", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("work", ProcessInstanceIntent.ELEMENT_TERMINATING),
            tuple("work", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple(processId, ProcessInstanceIntent.ELEMENT_COMPLETING),
            tuple(processId, ProcessInstanceIntent.ELEMENT_COMPLETED))
        .doesNotContain(
            tuple("workEnd", ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple(processId, ProcessInstanceIntent.ELEMENT_TERMINATED));
    assertThat(jobIntents(type)).containsExactly(JobIntent.CREATED, JobIntent.CANCELED);
    assertThat(engine.client().newProcessInstanceGetRequest(instanceKey).send().join().getState())
        .isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldCompleteProcessWhenATokenWaitsAtAJoin() {
    // given: one branch reaches the join at once, the other waits for a job
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-work";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start").parallelGateway("fork")
        .manualTask("quick").parallelGateway("join").endEvent("joined")
        .moveToNode("fork").serviceTask("work", t -> t.zeebeJobType(type)).connectTo("join")
        .moveToNode("fork").serviceTask("decide", t -> t.zeebeJobType(processId + "-decide"))
        .endEvent("stop", e -> e.terminate())
        .done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    assertThat(engine.instance(instanceKey)).hasPassedElements("quick");

    // when
    engine.client().newCompleteCommand(engine.activateJob(processId + "-decide").getKey()).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().hasElementEvent(instanceKey, "work", ProcessInstanceIntent.ELEMENT_TERMINATED)).isTrue();
    assertThat(engine.records().hasElementEvent(instanceKey, "join", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
  }

  @Test
  void shouldCompleteOnlyTheSubprocessWhenTerminateEndEventIsInside() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-work";
    String afterType = processId + "-after";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .subProcess("sub", sub -> sub.embeddedSubProcess().startEvent("subStart").parallelGateway("fork")
            .serviceTask("work", t -> t.zeebeJobType(type)).endEvent("workEnd")
            .moveToNode("fork").endEvent("stop", e -> e.terminate()))
        .serviceTask("after", t -> t.zeebeJobType(afterType)).endEvent("end")
        .done());

    // when
    long instanceKey = engine.startInstance(processId, Map.of()).key();

    // then: the subprocess completes and the process goes on
    assertThat(engine.instance(instanceKey)).hasActiveElements("after");
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .containsSubsequence(
            tuple("stop", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("work", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple("sub", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("after", ProcessInstanceIntent.ELEMENT_ACTIVATING))
        .doesNotContain(
            tuple("sub", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple(processId, ProcessInstanceIntent.ELEMENT_COMPLETED));
    assertThat(jobIntents(type)).containsExactly(JobIntent.CREATED, JobIntent.CANCELED);

    // when
    engine.client().newCompleteCommand(engine.activateJob(afterType).getKey()).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
  }

  private List<JobIntent> jobIntents(String type) {
    return engine.records().matching(r -> r.valueType() == ValueType.JOB && r.recordType() == RecordType.EVENT
        && ((JobRecord) r.value()).type().equals(type)).stream().map(r -> (JobIntent) r.intent()).toList();
  }

  private ProcessInstanceRecord value(Record record) {
    return (ProcessInstanceRecord) record.value();
  }
}
