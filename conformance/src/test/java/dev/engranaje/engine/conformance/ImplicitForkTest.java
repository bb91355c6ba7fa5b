package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several outgoing flows without a gateway fork implicitly; paths without outgoing flows end implicitly (spec §6). */
@ProcessTest(autoTimeSkipping = false)
class ImplicitForkTest {
  ProcessTestEngine engine;

  @Test
  void shouldRunEveryOutgoingPathOfATaskAndCompleteWhenTheLastPathEnds() {
    // given a task with two outgoing flows, each to a task that ends its own path (no end event)
    String processId = ProcessTestEngine.uniqueId("process");
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("prepare", t -> t.zeebeJobType(processId + "-prepare"))
        .serviceTask("mail", t -> t.zeebeJobType(processId + "-mail"))
        .moveToActivity("prepare")
        .serviceTask("archive", t -> t.zeebeJobType(processId + "-archive"))
        .done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of()).key();

    // when
    engine.client().newCompleteCommand(engine.activateJob(processId + "-prepare").getKey()).send().join();
    ActivatedJob mail = engine.activateJob(processId + "-mail");
    ActivatedJob archive = engine.activateJob(processId + "-archive");
    engine.client().newCompleteCommand(mail.getKey()).send().join();

    // then the instance waits for the other path
    assertThat(engine.instance(instanceKey)).hasPassedElements("mail");
    assertThat(engine.records().hasElementEvent(instanceKey, processId, ProcessInstanceIntent.ELEMENT_COMPLETED)).isFalse();

    // when the other path ends too
    engine.client().newCompleteCommand(archive.getKey()).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
  }
}
