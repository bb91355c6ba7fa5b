package dev.engranaje.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several outgoing flows without a gateway fork implicitly; paths without outgoing flows end implicitly (spec §6). */
class ImplicitForkTest {
  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TestEngine.inMemory();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void shouldRunEveryOutgoingPathOfATaskAndCompleteWhenTheLastPathEnds() {
    // given a task with two outgoing flows, each to a task that ends its own path (no end event)
    String processId = TestEngine.uniqueProcessId();
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("prepare", t -> t.zeebeJobType(processId + "-prepare"))
        .serviceTask("mail", t -> t.zeebeJobType(processId + "-mail"))
        .moveToActivity("prepare")
        .serviceTask("archive", t -> t.zeebeJobType(processId + "-archive"))
        .done();
    engine.deploy(model);
    long instanceKey = engine.createInstance(processId, Map.of());

    // when
    engine.client().newCompleteCommand(engine.activateJob(processId + "-prepare").getKey()).send().join();
    ActivatedJob mail = engine.activateJob(processId + "-mail");
    ActivatedJob archive = engine.activateJob(processId + "-archive");
    engine.client().newCompleteCommand(mail.getKey()).send().join();

    // then the instance waits for the other path
    engine.awaitElement(instanceKey, "mail", ProcessInstanceIntent.ELEMENT_COMPLETED);
    assertThat(engine.hasElementEvent(instanceKey, processId, ProcessInstanceIntent.ELEMENT_COMPLETED)).isFalse();

    // when the other path ends too
    engine.client().newCompleteCommand(archive.getKey()).send().join();

    // then
    engine.awaitCompleted(instanceKey);
  }
}
