package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.record.IncidentIntent;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Failing jobs: retries, the JOB_NO_RETRIES incident and retry backoff (spec §4, §10): scenarios 5 and 6. */
@ProcessTest(autoTimeSkipping = false)
class JobRetriesTest {

  ProcessTestEngine engine;

  // spec §14 scenario 5
  @Test
  void shouldRaiseJobNoRetriesIncidentWithWorkerMessageAndCompleteAfterRetriesAreUpdated() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-a";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    ActivatedJob first = engine.activateJob(type);

    // when: the worker fails with 2 retries left
    engine.client().newFailCommand(first.getKey()).retries(2).errorMessage("flaky").send().join();

    // then: the job is activatable again, with the retries the worker gave
    ActivatedJob second = engine.activateJob(type);
    assertThat(second.getKey()).isEqualTo(first.getKey());
    assertThat(second.getRetries()).isEqualTo(2);

    // when: the worker fails with no retries left
    engine.client().newFailCommand(second.getKey()).retries(0).errorMessage("card declined").send().join();

    // then: an incident with the worker's message, and the job is not activatable
    assertThat(engine.instance(instanceKey)).hasIncident();
    List<Incident> incidents = engine.incidents(instanceKey);
    assertThat(incidents).hasSize(1);
    Incident incident = incidents.get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incident.getErrorMessage()).isEqualTo("card declined");
    assertThat(incident.getJobKey()).isEqualTo(first.getKey());
    assertThat(incident.getElementId()).isEqualTo("task");
    assertThat(engine.activateJobs(type, 10)).isEmpty();

    // when: resolving before the retries are updated
    ProblemException rejected = catchThrowableOfType(ProblemException.class,
        () -> engine.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join());

    // then
    assertThat(rejected.code()).isEqualTo(409);
    assertThat(rejected.details().getDetail()).contains("retries");
    assertThat(engine.activateJobs(type, 10)).isEmpty();

    // when: updating the retries (the job stays failed until the incident is resolved), then resolving
    engine.client().newUpdateRetriesCommand(first.getKey()).retries(1).send().join();
    assertThat(engine.activateJobs(type, 10)).isEmpty();
    engine.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then: the job is activatable again and completes the instance
    ActivatedJob third = engine.activateJob(type);
    assertThat(third.getKey()).isEqualTo(first.getKey());
    assertThat(third.getRetries()).isEqualTo(1);
    engine.client().newCompleteCommand(third.getKey()).send().join();
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.incidents(instanceKey)).extracting(Incident::getState).containsExactly(IncidentState.RESOLVED);
    assertThat(jobEvents(first.getKey())).extracting(Record::intent).containsExactly(JobIntent.CREATED,
        JobIntent.FAILED, JobIntent.FAILED, JobIntent.RETRIES_UPDATED, JobIntent.COMPLETED);
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.INCIDENT && r.recordType() == RecordType.EVENT
        && r.key() == incident.getIncidentKey())).extracting(Record::intent)
        .containsExactly(IncidentIntent.CREATED, IncidentIntent.RESOLVED);
  }

  // spec §14 scenario 5 (a fail without a message)
  @Test
  void shouldUseNoMoreRetriesLeftMessageWhenWorkerGivesNone() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-a";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    ActivatedJob job = engine.activateJob(type);

    // when
    engine.client().newFailCommand(job.getKey()).retries(0).send().join();

    // then
    assertThat(engine.instance(instanceKey)).hasIncident();
    assertThat(engine.incidents(instanceKey)).singleElement().satisfies(incident -> {
      assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
      assertThat(incident.getErrorMessage()).isEqualTo("No more retries left.");
    });
  }

  // spec §14 scenario 6
  @Test
  void shouldOfferFailedJobAgainOnlyAfterItsBackoff() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-a";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    ActivatedJob job = engine.activateJob(type);

    // when
    engine.client().newFailCommand(job.getKey()).retries(1).retryBackoff(Duration.ofSeconds(1)).send().join();

    // then: not before the backoff has passed
    assertThat(engine.activateJobs(type, 10)).isEmpty();
    engine.advance(Duration.ofMillis(999));
    assertThat(engine.activateJobs(type, 10)).isEmpty();

    // when
    engine.advance(Duration.ofMillis(1));

    // then
    ActivatedJob again = engine.activateJob(type);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    assertThat(again.getRetries()).isEqualTo(1);
    engine.client().newCompleteCommand(again.getKey()).send().join();
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(jobEvents(job.getKey())).extracting(Record::intent).containsExactly(JobIntent.CREATED,
        JobIntent.FAILED, JobIntent.RECURRED_AFTER_BACKOFF, JobIntent.COMPLETED);
  }

  private List<Record> jobEvents(long jobKey) {
    return engine.records().matching(r -> r.valueType() == ValueType.JOB && r.recordType() == RecordType.EVENT && r.key() == jobKey
        && r.value() instanceof JobRecord);
  }
}
