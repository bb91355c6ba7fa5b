package dev.engranaje.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State rebuilt from records keeps an inclusive join's parked token and a message start event's
 * correlation-key tag (spec §6, §7.2).
 */
class GatewayAndMessageStartRestartTest {
  @TempDir
  Path dataDirectory;

  private final ControlledClock clock = ControlledClock.startingNow();

  @Test
  void shouldKeepInclusiveJoinTokenAcrossRestart() {
    // given: two of three branches taken, one completed before the restart
    String processId = TestEngine.uniqueProcessId();
    String jobType = processId + "-work";
    long instanceKey;
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      engine.deploy(Bpmn.createExecutableProcess(processId).startEvent().inclusiveGateway("fork")
          .sequenceFlowId("toA").conditionExpression("true").serviceTask("a", t -> t.zeebeJobType(jobType))
          .inclusiveGateway("join").endEvent("end")
          .moveToNode("fork").sequenceFlowId("toB").conditionExpression("true")
          .serviceTask("b", t -> t.zeebeJobType(jobType)).connectTo("join")
          .moveToNode("fork").sequenceFlowId("toC").conditionExpression("false")
          .serviceTask("c", t -> t.zeebeJobType(jobType)).connectTo("join").done());
      instanceKey = engine.createInstance(processId, Map.of());
      ActivatedJob a = engine.activateJobs(jobType, 2).stream().filter(j -> j.getElementId().equals("a"))
          .findFirst().orElseThrow();
      engine.client().newCompleteCommand(a.getKey()).send().join();
      engine.awaitElement(instanceKey, "a", ProcessInstanceIntent.ELEMENT_COMPLETED);
    }

    // when (past the job lock, so b can be activated again)
    clock.advance(Duration.ofDays(1));
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      List<ActivatedJob> jobs = engine.activateJobs(jobType, 2);
      assertThat(jobs).extracting(ActivatedJob::getElementId).containsExactly("b");
      engine.client().newCompleteCommand(jobs.get(0).getKey()).send().join();

      // then
      engine.awaitCompleted(instanceKey);
    }
  }

  @Test
  void shouldKeepMessageStartCorrelationKeyTagAcrossRestart() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String message = processId + "-order";
    String jobType = processId + "-work";
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      engine.deploy(Bpmn.createExecutableProcess(processId).startEvent().message(message)
          .serviceTask("work", t -> t.zeebeJobType(jobType)).endEvent().done());
      publish(engine, message, 1);
      engine.activateJob(jobType);
    }

    // when (past the job lock)
    clock.advance(Duration.ofDays(1));
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      publish(engine, message, 2);
      engine.awaitNothingDue();
      List<ActivatedJob> jobs = engine.activateJobs(jobType, 5);

      // then: only the first instance's job exists (its lock may have lapsed, it is the same job)
      assertThat(jobs).hasSize(1);
      assertThat(jobs).allSatisfy(job -> assertThat(job.getVariablesAsMap()).containsEntry("n", 1));
    }
  }

  private static void publish(TestEngine engine, String message, int n) {
    engine.client().newPublishMessageCommand().messageName(message).correlationKey("K")
        .timeToLive(Duration.ofHours(1)).variables(Map.of("n", n)).send().join();
  }
}
