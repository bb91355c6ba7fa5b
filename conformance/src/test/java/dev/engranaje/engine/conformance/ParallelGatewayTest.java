package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parallel fork and join (spec §6): scenario 9. */
@ProcessTest(autoTimeSkipping = false)
class ParallelGatewayTest {
  ProcessTestEngine engine;

  // spec §14 scenario 9
  @Test
  void shouldActivateJoinOnceWhenBothBranchesArrive() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String typeA = processId + "-a";
    String typeB = processId + "-b";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start").parallelGateway("fork")
        .serviceTask("a", t -> t.zeebeJobType(typeA)).parallelGateway("join").endEvent("end")
        .moveToNode("fork").serviceTask("b", t -> t.zeebeJobType(typeB)).connectTo("join")
        .done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of()).key();

    // when: the first branch arrives
    engine.client().newCompleteCommand(engine.activateJob(typeA).getKey()).send().join();

    // then: the join waits
    assertThat(engine.instance(instanceKey)).hasPassedElements("a");
    assertThat(joinEvents(instanceKey, "join")).isEmpty();

    // when: the second branch arrives
    engine.client().newCompleteCommand(engine.activateJob(typeB).getKey()).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(joinEvents(instanceKey, "join")).extracting(r -> value(r).bpmnElementType(), Record::intent)
        .containsExactly(
            tuple(BpmnElementType.PARALLEL_GATEWAY, ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple(BpmnElementType.PARALLEL_GATEWAY, ProcessInstanceIntent.ELEMENT_ACTIVATED),
            tuple(BpmnElementType.PARALLEL_GATEWAY, ProcessInstanceIntent.ELEMENT_COMPLETING),
            tuple(BpmnElementType.PARALLEL_GATEWAY, ProcessInstanceIntent.ELEMENT_COMPLETED));
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .containsSubsequence(
            tuple("fork", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("a", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("b", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("join", ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple("end", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(processId, ProcessInstanceIntent.ELEMENT_COMPLETED));
  }

  // spec §14 scenario 9
  @Test
  void shouldKeepSurplusTokenWaitingAtJoinWhenOneBranchDeliversTwo() {
    // given: two tokens reach the join over "fromMerge", one over "fromB"
    String processId = ProcessTestEngine.uniqueId("process");
    String typeB = processId + "-b";
    String typeAfter = processId + "-after";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start").parallelGateway("fork")
        .sequenceFlowId("f1").exclusiveGateway("merge").sequenceFlowId("fromMerge").parallelGateway("join")
        .serviceTask("after", t -> t.zeebeJobType(typeAfter)).endEvent("end")
        .moveToNode("fork").sequenceFlowId("f2").connectTo("merge")
        .moveToNode("fork").sequenceFlowId("f3").serviceTask("b", t -> t.zeebeJobType(typeB))
        .sequenceFlowId("fromB").connectTo("join")
        .done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    assertThat(engine.instance(instanceKey)).hasActiveElements("b");
    assertThat(engine.records().elementEvents(instanceKey)).filteredOn(r -> value(r).elementId().equals("merge")
        && r.intent() == ProcessInstanceIntent.ELEMENT_COMPLETED).hasSize(2);
    assertThat(joinEvents(instanceKey, "join")).isEmpty();

    // when
    engine.client().newCompleteCommand(engine.activateJob(typeB).getKey()).send().join();
    engine.client().newCompleteCommand(engine.activateJob(typeAfter).getKey()).send().join();

    // then: the join fired once, and the surplus token keeps the instance waiting
    assertThat(engine.instance(instanceKey)).hasPassedElements("end");
    assertThat(joinEvents(instanceKey, "join")).filteredOn(r -> r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING)
        .hasSize(1);
    assertThat(engine.activateJobs(typeAfter, 10)).isEmpty();
    assertThat(engine.client().newProcessInstanceGetRequest(instanceKey).send().join().getState())
        .isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(engine.records().hasElementEvent(instanceKey, processId, ProcessInstanceIntent.ELEMENT_COMPLETED)).isFalse();
  }

  private List<Record> joinEvents(long instanceKey, String joinId) {
    return engine.records().elementEvents(instanceKey).stream().filter(r -> value(r).elementId().equals(joinId)).toList();
  }

  private ProcessInstanceRecord value(Record record) {
    return (ProcessInstanceRecord) record.value();
  }
}
