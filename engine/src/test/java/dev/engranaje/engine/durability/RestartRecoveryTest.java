package dev.engranaje.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * State that must survive a graceful restart on the same data directory: the engine is closed and
 * a new one rebuilds everything by replaying the record log. One clock spans both runs, so a test
 * can let time pass while the engine is down.
 */
class RestartRecoveryTest {
  @TempDir
  Path dataDirectory;

  private final ControlledClock clock = ControlledClock.startingNow();
  private TestEngine engine;

  @BeforeEach
  void startEngine() {
    engine = TestEngine.durable(dataDirectory, clock);
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  @Test
  void shouldKeepIncidentWhenRestartedAndResolveItAfterRetriesAreUpdated() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-a";
    engine.deploy(TestEngine.serviceTaskProcess(processId, type));
    long instanceKey = engine.createInstance(processId, Map.of());
    ActivatedJob job = engine.activateJob(type);
    engine.client().newFailCommand(job.getKey()).retries(0).errorMessage("printer on fire").send().join();

    // when
    restart(Duration.ZERO);

    // then
    List<Incident> incidents = engine.client().newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey)).send().join().items();
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
      assertThat(incident.getErrorMessage()).isEqualTo("printer on fire");
      assertThat(incident.getJobKey()).isEqualTo(job.getKey());
      assertThat(incident.getState()).isEqualTo(IncidentState.ACTIVE);
    });
    assertThat(instance(instanceKey).getHasIncident()).isTrue();

    engine.client().newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    engine.client().newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    ActivatedJob retried = engine.activateJob(type);
    engine.client().newCompleteCommand(retried.getKey()).send().join();
    assertThat(retried.getKey()).isEqualTo(job.getKey());
    assertThat(retried.getRetries()).isEqualTo(1);
    engine.awaitCompleted(instanceKey);
    assertThat(instance(instanceKey).getHasIncident()).isFalse();
  }

  @Test
  void shouldHandNextJobTheVariablesSetBeforeRestartWhenRestarted() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("a", t -> t.zeebeJobType(processId + "-a"))
        .serviceTask("b", t -> t.zeebeJobType(processId + "-b"))
        .endEvent("end").done());
    long instanceKey = engine.createInstance(processId, Map.of("x", 1));
    ActivatedJob first = engine.activateJob(processId + "-a");
    engine.client().newCompleteCommand(first.getKey()).variables(Map.of("y", 2)).send().join();
    engine.client().newSetVariablesCommand(instanceKey).variables(Map.of("z", 3, "x", 10)).send().join();

    // when
    restart(Duration.ZERO);

    // then
    ActivatedJob next = engine.activateJob(processId + "-b");
    assertThat(next.getProcessInstanceKey()).isEqualTo(instanceKey);
    assertThat(next.getVariablesAsMap()).isEqualTo(Map.of("x", 10, "y", 2, "z", 3));
  }

  @Test
  void shouldKeepBufferedMessageAndDropExpiredOneWhenTimeToLivePassedDuringDowntime() {
    // given
    String name = TestEngine.uniqueProcessId() + "-message";
    publish(name, "kept", Duration.ofHours(1));
    PublishMessageResponse expiring = publish(name, "expiring", Duration.ofMinutes(1));

    // when
    restart(Duration.ofMinutes(2));

    // then
    awaitLogged("the expiring message expired", "MESSAGE", "EXPIRED", expiring.getMessageKey());
    ProblemException duplicate = catchThrowableOfType(ProblemException.class, () -> publish(name, "kept", Duration.ofHours(1)));
    assertThat(duplicate.code()).isEqualTo(409);
    assertThat(duplicate.details().getTitle()).isEqualTo("ALREADY_EXISTS");
    PublishMessageResponse republished = publish(name, "expiring", Duration.ofMinutes(1));
    assertThat(republished.getMessageKey()).isNotEqualTo(expiring.getMessageKey());
    try (RecordLogReader log = RecordLogReader.open(dataDirectory)) {
      assertThat(log.eventKeys("MESSAGE", "EXPIRED")).containsExactly(expiring.getMessageKey());
    }
  }

  @Test
  void shouldOfferJobAgainRightAfterRestartWhenItsDeadlinePassedDuringDowntime() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-a";
    engine.deploy(TestEngine.serviceTaskProcess(processId, type));
    long instanceKey = engine.createInstance(processId, Map.of("x", 1));
    ActivatedJob job = engine.client().newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(10)).send().join().getJobs().get(0);

    // when
    restart(Duration.ofMinutes(11));

    // then: the clock does not move after the restart; the passed deadline alone frees the job
    ActivatedJob again = engine.activateJob(type);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getProcessInstanceKey()).isEqualTo(instanceKey);
    assertThat(again.getVariablesAsMap()).isEqualTo(Map.of("x", 1));
    assertThat(again.getRetries()).isEqualTo(job.getRetries());
  }

  @Test
  void shouldKeepJobActivatedAfterRestartWhenItsDeadlineHasNotPassed() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-a";
    engine.deploy(TestEngine.serviceTaskProcess(processId, type));
    engine.createInstance(processId, Map.of());
    engine.client().newActivateJobsCommand().jobType(type).maxJobsToActivate(1).timeout(Duration.ofMinutes(10))
        .send().join();

    // when
    restart(Duration.ofMinutes(9));

    // then
    List<ActivatedJob> jobs = engine.client().newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .requestTimeout(Duration.ofMillis(300)).send().join().getJobs();
    assertThat(jobs).isEmpty();
  }

  @Test
  void shouldFireTimerArmedBeforeRestartOnlyWhenClockPassesItsDueDate() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(timerBoundaryProcess(processId));
    long instanceKey = engine.createInstance(processId, Map.of());
    restart(Duration.ofMinutes(59));

    // when: not yet due
    engine.awaitNothingDue();
    boolean firedEarly = triggeredTimers() > 0;
    ProcessInstanceState stateBeforeDue = instance(instanceKey).getState();
    clock.advance(Duration.ofMinutes(2));

    // then
    engine.awaitElement(instanceKey, "timedOut", ProcessInstanceIntent.ELEMENT_COMPLETED);
    engine.awaitCompleted(instanceKey);
    assertThat(firedEarly).as("timer triggered before its due date").isFalse();
    assertThat(stateBeforeDue).isEqualTo(ProcessInstanceState.ACTIVE);
    assertThat(triggeredTimers()).isEqualTo(1);
  }

  @Test
  void shouldFireTimerOnStartWhenItsDueDatePassedDuringDowntime() {
    // given
    String processId = TestEngine.uniqueProcessId();
    engine.deploy(timerBoundaryProcess(processId));
    long instanceKey = engine.createInstance(processId, Map.of());

    // when
    restart(Duration.ofHours(2));

    // then
    TestEngine.await("instance " + instanceKey + " completed through the timer",
        () -> instance(instanceKey).getState() == ProcessInstanceState.COMPLETED);
    assertThat(triggeredTimers()).isEqualTo(1);
  }

  private void restart(Duration downtime) {
    engine.close();
    clock.advance(downtime);
    engine = TestEngine.durable(dataDirectory, clock);
  }

  private ProcessInstance instance(long instanceKey) {
    return engine.client().newProcessInstanceGetRequest(instanceKey).send().join();
  }

  private PublishMessageResponse publish(String name, String messageId, Duration timeToLive) {
    return engine.client().newPublishMessageCommand().messageName(name).correlationKey("order-1").messageId(messageId)
        .timeToLive(timeToLive).send().join();
  }

  private long triggeredTimers() {
    try (RecordLogReader log = RecordLogReader.open(dataDirectory)) {
      return log.countEvents("TIMER", "TRIGGERED");
    }
  }

  private void awaitLogged(String what, String valueType, String intent, long key) {
    TestEngine.await(what, () -> {
      try (RecordLogReader log = RecordLogReader.open(dataDirectory)) {
        return log.eventKeys(valueType, intent).contains(key);
      }
    });
  }

  private static BpmnModelInstance timerBoundaryProcess(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType(processId + "-a"))
        .boundaryEvent("timer", b -> b.timerWithDuration("PT1H")).endEvent("timedOut")
        .moveToActivity("task").endEvent("end").done();
  }
}
