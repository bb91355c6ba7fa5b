package dev.engranaje.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Boundary timers live exactly as long as their activity (spec §7.4). */
class BoundaryTimerTest {
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
  void shouldCancelBoundaryTimerWhenTheActivityCompletesNormally() {
    // given a task with a 1-hour escalation timer
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .serviceTask("review", t -> t.zeebeJobType(processId + "-review")).endEvent("done")
        .moveToActivity("review").boundaryEvent("escalate", b -> b.timerWithDuration("PT1H")).endEvent("escalated")
        .done());
    long instanceKey = engine.createInstance(processId, Map.of());

    // when the task completes before the timer is due
    engine.client().newCompleteCommand(engine.activateJob(processId + "-review").getKey()).send().join();
    engine.awaitCompleted(instanceKey);
    engine.clock().advance(Duration.ofHours(2));
    long after = engine.records().all().size();
    TestEngine.await("a later batch is stored", () -> {
      engine.client().newPublishMessageCommand().messageName("tick").correlationKey("").send().join();
      return engine.records().all().size() > after;
    });

    // then the timer was cancelled with the task and never fired
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.TIMER
        && ((TimerRecord) r.value()).processInstanceKey() == instanceKey))
        .extracting(r -> r.intent())
        .containsExactly(TimerIntent.CREATED, TimerIntent.CANCELED);
    assertThat(engine.hasElementEvent(instanceKey, "escalate", ProcessInstanceIntent.ELEMENT_ACTIVATING)).isFalse();
  }
}
