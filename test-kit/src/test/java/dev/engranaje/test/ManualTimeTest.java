package dev.engranaje.test;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@ProcessTest(autoTimeSkipping = false, startAt = "2026-12-01T09:00:00Z")
class ManualTimeTest {
  @Test
  void withoutTimeSkippingOnlyAdvanceMovesTheClock(ProcessTestEngine engine) {
    String processId = ProcessTestEngine.uniqueId("manual");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT2H")).endEvent("end").done());
    ProcessInstance instance = engine.startInstance(processId);

    assertThatThrownBy(() -> assertThat(instance).isCompleted()).hasMessageContaining("active at [wait]");
    assertThat(engine.now()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));

    engine.advance(Duration.ofMinutes(119));
    assertThat(instance).isActive().hasActiveElements("wait");
    engine.advance(Duration.ofMinutes(1));
    assertThat(instance).isCompleted().hasPassedElements("wait", "end");
  }
}
