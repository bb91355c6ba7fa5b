package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.IncidentIntent;
import dev.engranaje.engine.record.IncidentRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash-loop model of issue 9: a 683-byte model whose {@code R/PT10S} timer start runs
 * {@code =count(for i in 1..100000000 return i)} used to be an OutOfMemoryError on every start, in
 * every restart. With the FEEL budget each firing is an incident, the engine keeps serving, and a
 * restart recovers and serves too.
 */
class RunawayTimerStartModelTest {

  private static BpmnModelInstance runawayEveryTenSeconds(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("tick").timerWithCycle("R/PT10S")
        .serviceTask("task", t -> t.zeebeJobType(processId)
            .zeebeInputExpression("=count(for i in 1..100000000 return i)", "n"))
        .endEvent().done();
  }

  @Test
  void shouldRaiseIncidentOnEachFiringAndKeepServingAcrossRestart(@TempDir Path data) {
    // given
    ControlledClock clock = ControlledClock.startingNow();
    String processId = TestEngine.uniqueProcessId();
    try (TestEngine engine = TestEngine.durable(data, clock)) {
      engine.deploy(runawayEveryTenSeconds(processId));

      // when
      clock.advance(Duration.ofSeconds(11));

      // then
      TestEngine.await("an incident for the first firing", () -> incidents(engine) >= 1);
      Served.assertServesNormalInstance(engine);
    }

    // when the engine restarts and the timer fires again
    try (TestEngine engine = TestEngine.durable(data, clock)) {
      clock.advance(Duration.ofSeconds(11));

      // then
      TestEngine.await("an incident for the next firing", () -> incidents(engine) >= 1);
      List<Record> created = engine.records().matching(r -> r.valueType() == ValueType.INCIDENT
          && r.intent() == IncidentIntent.CREATED);
      IncidentRecord incident = (IncidentRecord) created.get(0).value();
      assertThat(incident.errorType()).isEqualTo("IO_MAPPING_ERROR");
      assertThat(incident.errorMessage()).contains("--max-feel-range");
      Served.assertServesNormalInstance(engine);
    }
  }

  private static long incidents(TestEngine engine) {
    return engine.records().matching(r -> r.valueType() == ValueType.INCIDENT && r.intent() == IncidentIntent.CREATED)
        .size();
  }
}
