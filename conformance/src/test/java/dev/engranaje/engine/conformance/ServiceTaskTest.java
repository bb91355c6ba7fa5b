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
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec §14 scenario 1: start → service("a") → end. */
@ProcessTest(autoTimeSkipping = false)
class ServiceTaskTest {
  ProcessTestEngine engine;

  @Test
  void shouldHandJobTheInstanceVariablesAndCompleteWithMergedVariables() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-a";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("a", t -> t.zeebeJobType(type).zeebeTaskHeader("method", "VISA")).endEvent("end").done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of("x", 1)).key();

    // when
    ActivatedJob job = engine.activateJob(type);
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("y", 2)).send().join();

    // then
    assertThat(job.getVariablesAsMap()).isEqualTo(Map.of("x", 1));
    assertThat(job.getCustomHeaders()).isEqualTo(Map.of("method", "VISA"));
    assertThat(job.getElementId()).isEqualTo("a");
    assertThat(job.getProcessInstanceKey()).isEqualTo(instanceKey);
    assertThat(job.getBpmnProcessId()).isEqualTo(processId);
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().elementEvents(instanceKey))
        .extracting(r -> ((ProcessInstanceRecord) r.value()).bpmnElementType(), Record::intent)
        .containsExactly(
            tuple(BpmnElementType.PROCESS, ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple(BpmnElementType.PROCESS, ProcessInstanceIntent.ELEMENT_ACTIVATED),
            tuple(BpmnElementType.START_EVENT, ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple(BpmnElementType.START_EVENT, ProcessInstanceIntent.ELEMENT_ACTIVATED),
            tuple(BpmnElementType.START_EVENT, ProcessInstanceIntent.ELEMENT_COMPLETING),
            tuple(BpmnElementType.START_EVENT, ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(BpmnElementType.SEQUENCE_FLOW, ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN),
            tuple(BpmnElementType.SERVICE_TASK, ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple(BpmnElementType.SERVICE_TASK, ProcessInstanceIntent.ELEMENT_ACTIVATED),
            tuple(BpmnElementType.SERVICE_TASK, ProcessInstanceIntent.ELEMENT_COMPLETING),
            tuple(BpmnElementType.SERVICE_TASK, ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(BpmnElementType.SEQUENCE_FLOW, ProcessInstanceIntent.SEQUENCE_FLOW_TAKEN),
            tuple(BpmnElementType.END_EVENT, ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple(BpmnElementType.END_EVENT, ProcessInstanceIntent.ELEMENT_ACTIVATED),
            tuple(BpmnElementType.END_EVENT, ProcessInstanceIntent.ELEMENT_COMPLETING),
            tuple(BpmnElementType.END_EVENT, ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(BpmnElementType.PROCESS, ProcessInstanceIntent.ELEMENT_COMPLETING),
            tuple(BpmnElementType.PROCESS, ProcessInstanceIntent.ELEMENT_COMPLETED));
  }

  @Test
  void shouldReturnRootVariablesWhenCreatedWithResult() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-a";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    var worker = engine.client().newWorker().jobType(type)
        .handler((client, job) -> client.newCompleteCommand(job.getKey()).variables(Map.of("y", 2)).send().join())
        .open();

    // when
    ProcessInstanceResult result;
    try (worker) {
      result = engine.client().newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
          .variables(Map.of("x", 1)).withResult().send().join();
    }

    // then
    assertThat(result.getVariablesAsMap()).isEqualTo(Map.of("x", 1, "y", 2));
  }
}
