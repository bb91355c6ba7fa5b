package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Boundary timers live exactly as long as their activity (spec §7.4). */
@ProcessTest(autoTimeSkipping = false)
class BoundaryTimerTest {
  ProcessTestEngine engine;

  @Test
  void shouldCancelBoundaryTimerWhenTheActivityCompletesNormally() {
    // given a task with a 1-hour escalation timer
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("review", t -> t.zeebeJobType(processId + "-review")).endEvent("done")
        .moveToActivity("review").boundaryEvent("escalate", b -> b.timerWithDuration("PT1H")).endEvent("escalated")
        .done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();

    // when the task completes before the timer is due
    engine.client().newCompleteCommand(engine.activateJob(processId + "-review").getKey()).send().join();
    assertThat(engine.instance(instanceKey)).isCompleted();
    engine.advance(Duration.ofHours(2)); // returns once what became due has run

    // then the timer was cancelled with the task and never fired
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.TIMER
        && ((TimerRecord) r.value()).processInstanceKey() == instanceKey))
        .extracting(r -> r.intent())
        .containsExactly(TimerIntent.CREATED, TimerIntent.CANCELED);
    assertThat(engine.records().hasElementEvent(instanceKey, "escalate", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
  }
}
