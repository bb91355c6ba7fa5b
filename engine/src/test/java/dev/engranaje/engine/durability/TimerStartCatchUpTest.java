package dev.engranaje.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repeating start timer that fell due while the engine was down fires once on start, then keeps
 * its cycle from now: never a burst of missed firings, never early (spec 7.1, "Missed repetitions").
 */
class TimerStartCatchUpTest {
  @TempDir
  Path dataDirectory;

  private final ControlledClock clock = ControlledClock.startingNow();
  private TestEngine engine;

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  @Test
  void shouldFireOnceAndResumeCycleWhenStartTimerFellDueDuringDowntime() {
    // given: a cycle of one minute that has fired once
    String processId = TestEngine.uniqueProcessId();
    engine = TestEngine.durable(dataDirectory, clock);
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("tick").timerWithCycle("R/PT1M")
        .endEvent("end").done());
    clock.advance(Duration.ofMinutes(1));
    TestEngine.await("first instance", () -> instances(processId) == 1);

    // when: the engine is down for three minutes
    engine.close();
    clock.advance(Duration.ofMinutes(3));
    engine = TestEngine.durable(dataDirectory, clock);

    // then: exactly one catch-up instance
    TestEngine.await("catch-up instance", () -> instances(processId) == 1);
    engine.awaitNothingDue();
    assertThat(instances(processId)).as("instances created on start").isEqualTo(1);
    assertThat(engine.matching(r -> r.intent() == TimerIntent.TRIGGERED)).as("timers fired on start").hasSize(1);

    // and then one per minute again, none early
    clock.advance(Duration.ofSeconds(59));
    engine.awaitNothingDue();
    assertThat(instances(processId)).as("instances before the next minute").isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    TestEngine.await("next instance", () -> instances(processId) == 2);
    clock.advance(Duration.ofMinutes(1));
    TestEngine.await("next instance", () -> instances(processId) == 3);
  }

  /** Process instances of a process created since this engine started (its recording starts empty). */
  private long instances(String processId) {
    return engine.matching(r -> r.intent() == ProcessInstanceIntent.ELEMENT_ACTIVATING
        && r.value() instanceof ProcessInstanceRecord p && p.bpmnElementType() == BpmnElementType.PROCESS
        && p.bpmnProcessId().equals(processId)).size();
  }
}
