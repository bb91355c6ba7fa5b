package dev.engranaje.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signal subscriptions opened by a process scope (event subprocess start) and by an event-based
 * gateway live only in the state rebuilt from the record log: after a restart a broadcast must
 * still find them (spec §7.3).
 */
class SignalSubscriptionRestartTest {
  @TempDir
  Path dataDirectory;

  private final ControlledClock clock = ControlledClock.startingNow();

  @Test
  void shouldTriggerGatewayAndEventSubprocessSignalSubscriptionsOpenedBeforeRestart() {
    // given an instance waiting at an event-based gateway, with an interrupting signal event subprocess
    String processId = TestEngine.uniqueProcessId();
    long instanceKey;
    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      engine.deploy(process(processId));
      instanceKey = engine.createInstance(processId, Map.of());
      engine.awaitElement(instanceKey, "race", ProcessInstanceIntent.ELEMENT_ACTIVATED);
    }

    try (TestEngine engine = TestEngine.durable(dataDirectory, clock)) {
      // when the gateway's signal comes after the restart
      engine.client().newBroadcastSignalCommand().signalName(processId + "-resume").send().join();

      // then it takes the signal path
      ActivatedJob work = engine.activateJob(processId + "-work");
      assertThat(work.getProcessInstanceKey()).isEqualTo(instanceKey);

      // when the event subprocess's signal comes
      engine.client().newBroadcastSignalCommand().signalName(processId + "-abort").send().join();

      // then it interrupts the work and ends the instance
      engine.awaitCompleted(instanceKey);
      assertThat(engine.elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
          .containsSubsequence(
              tuple("resumed", ProcessInstanceIntent.ELEMENT_COMPLETED),
              tuple("work", ProcessInstanceIntent.ELEMENT_TERMINATED),
              tuple("aborted", ProcessInstanceIntent.ELEMENT_COMPLETED),
              tuple(processId, ProcessInstanceIntent.ELEMENT_COMPLETED))
          .doesNotContain(tuple("timeout", ProcessInstanceIntent.ELEMENT_ACTIVATING));
    }
  }

  private static BpmnModelInstance process(String processId) {
    return Bpmn.createExecutableProcess(processId)
        .eventSubProcess("abortEsp", e -> e.startEvent("abortStart").interrupting(true).signal(processId + "-abort")
            .endEvent("aborted"))
        .startEvent("start").eventBasedGateway("race")
        .intermediateCatchEvent("resumed", c -> c.signal(processId + "-resume"))
        .serviceTask("work", t -> t.zeebeJobType(processId + "-work")).endEvent("end")
        .moveToNode("race").intermediateCatchEvent("timeout", c -> c.timerWithDuration("PT1H")).endEvent("timedOut")
        .done();
  }

  private static ProcessInstanceRecord value(Record record) {
    return (ProcessInstanceRecord) record.value();
  }
}
