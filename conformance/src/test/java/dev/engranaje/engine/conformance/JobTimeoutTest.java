package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Job activation timeouts (spec §4): scenario 7. */
@ProcessTest(autoTimeSkipping = false)
class JobTimeoutTest {

  ProcessTestEngine engine;

  // spec §14 scenario 7
  @Test
  void shouldTimeOutActivatedJobKeepingRetriesAndLetFirstOfTwoCompletesWin() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-a";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    long activatedAt = engine.clock().millis();
    ActivatedJob stale = activate(type, "first-worker", Duration.ofSeconds(1));
    assertThat(stale.getDeadline()).isEqualTo(activatedAt + 1_000);
    assertThat(engine.activateJobs(type, 10)).isEmpty();

    // when
    engine.advance(Duration.ofSeconds(1));

    // then: timed out, activatable again with unchanged retries
    engine.awaitIdle();
    assertThat(jobEvents(stale.getKey(), JobIntent.TIMED_OUT)).as("the job timed out").isNotEmpty();
    assertThat(jobEvents(stale.getKey(), JobIntent.TIMED_OUT)).singleElement()
        .satisfies(r -> assertThat(((JobRecord) r.value()).retries()).isEqualTo(stale.getRetries()));
    ActivatedJob current = activate(type, "second-worker", Duration.ofMinutes(5));
    assertThat(current.getKey()).isEqualTo(stale.getKey());
    assertThat(current.getRetries()).isEqualTo(stale.getRetries()).isEqualTo(3);
    assertThat(current.getWorker()).isEqualTo("second-worker");

    // when: both workers complete, the first worker first
    engine.client().newCompleteCommand(stale.getKey()).variables(Map.of("by", "first")).send().join();
    ProblemException second = catchThrowableOfType(ProblemException.class,
        () -> engine.client().newCompleteCommand(current.getKey()).variables(Map.of("by", "second")).send().join());

    // then: the first wins, the second is NOT_FOUND
    assertThat(second.code()).isEqualTo(404);
    assertThat(second.details().getTitle()).isEqualTo("NOT_FOUND");
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.JOB && r.recordType() == RecordType.EVENT
        && r.key() == stale.getKey())).extracting(Record::intent)
        .containsExactly(JobIntent.CREATED, JobIntent.TIMED_OUT, JobIntent.COMPLETED);
    assertThat(jobEvents(stale.getKey(), JobIntent.COMPLETED)).singleElement()
        .satisfies(r -> assertThat(((JobRecord) r.value()).variables()).contains("first"));
  }

  private ActivatedJob activate(String type, String worker, Duration timeout) {
    List<ActivatedJob> jobs = engine.client().newActivateJobsCommand().jobType(type).maxJobsToActivate(1)
        .workerName(worker).timeout(timeout).requestTimeout(Duration.ofSeconds(5)).send().join().getJobs();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private List<Record> jobEvents(long jobKey, JobIntent intent) {
    return engine.records().matching(r -> r.valueType() == ValueType.JOB && r.recordType() == RecordType.EVENT
        && r.key() == jobKey && r.intent() == intent);
  }
}
