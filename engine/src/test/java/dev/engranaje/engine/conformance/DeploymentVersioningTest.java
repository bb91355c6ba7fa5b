package dev.engranaje.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessIntent;
import dev.engranaje.engine.record.ProcessRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.Process;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Process versioning (spec §1.3). */
class DeploymentVersioningTest {
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
  void shouldKeepVersionAndKeyWhenIdenticalResourceIsRedeployed() {
    // given
    String processId = TestEngine.uniqueProcessId();
    BpmnModelInstance model = modelA(processId);
    Process first = deploy(model);

    // when the same bytes are deployed under the same resource name
    Process again = deploy(model);

    // then
    assertThat(again.getVersion()).isEqualTo(1);
    assertThat(again.getProcessDefinitionKey()).isEqualTo(first.getProcessDefinitionKey());
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.PROCESS && r.intent() == ProcessIntent.CREATED
        && ((ProcessRecord) r.value()).bpmnProcessId().equals(processId))).hasSize(1);
  }

  @Test
  void shouldCreateNewVersionForEachChangeAndForAReturnToAnEarlierContent() {
    // given
    String processId = TestEngine.uniqueProcessId();
    BpmnModelInstance modelA = modelA(processId);
    Process a = deploy(modelA);

    // when A, then B, then A again (the builder's generated ids differ per model, so reuse A's)
    Process b = deploy(modelB(processId));
    Process aAgain = deploy(modelA);

    // then
    assertThat(a.getVersion()).isEqualTo(1);
    assertThat(b.getVersion()).isEqualTo(2);
    assertThat(aAgain.getVersion()).isEqualTo(3);
    assertThat(aAgain.getProcessDefinitionKey()).isNotEqualTo(a.getProcessDefinitionKey());
  }

  @Test
  void shouldKeepRunningInstancesOnTheirVersionAndStartNewOnesOnTheLatest() {
    // given an instance of version 1 waiting at its task
    String processId = TestEngine.uniqueProcessId();
    deploy(modelA(processId));
    long onV1 = engine.createInstance(processId, Map.of());
    ActivatedJob v1Job = engine.activateJob(processId + "-a");

    // when version 2 is deployed and a new instance starts
    deploy(modelB(processId));
    engine.createInstance(processId, Map.of());

    // then the old instance stays on version 1 and completes there; the new one runs version 2
    assertThat(v1Job.getProcessDefinitionVersion()).isEqualTo(1);
    ActivatedJob v2Job = engine.activateJob(processId + "-b");
    assertThat(v2Job.getProcessDefinitionVersion()).isEqualTo(2);
    engine.client().newCompleteCommand(v1Job.getKey()).send().join();
    engine.awaitCompleted(onV1);
  }

  private static Process deploy(BpmnModelInstance model) {
    return engine.client().newDeployResourceCommand().addProcessModel(model, "versioned.bpmn").send().join()
        .getProcesses().get(0);
  }

  private static BpmnModelInstance modelA(String processId) {
    return TestEngine.serviceTaskProcess(processId, processId + "-a");
  }

  private static BpmnModelInstance modelB(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(processId + "-b"))
        .endEvent("done").done();
  }
}
