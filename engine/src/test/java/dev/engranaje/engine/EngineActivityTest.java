package dev.engranaje.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Engine#activity()}: the idle signal and the next timer that test harnesses skip time to. */
class EngineActivityTest {
  @Test
  void reportsWaitingJobsByTypeAndTheNextInstanceTimerButNotTimerStarts() {
    try (TestEngine engine = TestEngine.inMemory()) {
      String processId = TestEngine.uniqueProcessId();
      engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
          .parallelGateway("fork")
          .serviceTask("work", t -> t.zeebeJobType(processId + "-work")).endEvent()
          .moveToNode("fork").intermediateCatchEvent("wait", e -> e.timerWithDuration("PT3H")).endEvent().done());
      engine.deploy(Bpmn.createExecutableProcess(processId + "-daily").startEvent().timerWithCycle("R/PT1H")
          .endEvent().done());
      long instanceKey = engine.createInstance(processId, Map.of());
      engine.awaitElement(instanceKey, "wait", dev.engranaje.engine.record.ProcessInstanceIntent.ELEMENT_ACTIVATED);

      EngineActivity activity = engine.engine().activity().join();

      assertThat(activity.activatableJobs()).containsEntry(processId + "-work", 1);
      assertThat(activity.activatedJobs()).isEmpty();
      assertThat(activity.dueWorkPending()).isFalse();
      assertThat(activity.nextInstanceTimer()).contains(activity.at().plus(Duration.ofHours(3)));
      assertThat(activity.nextDueWork()).as("the hourly timer start is due before the instance's timer")
          .hasValueSatisfying(due -> assertThat(due).isBefore(activity.nextInstanceTimer().get()));

      engine.activateJob(processId + "-work");
      assertThat(engine.engine().activity().join().activatedJobs()).containsEntry(processId + "-work", 1);
    }
  }
}
