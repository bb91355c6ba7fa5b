package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.model.BpmnElementType;
import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
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
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * BPMN errors (spec §7.5) thrown by a job or an error end event and caught by error boundary
 * events: scenarios 15 and 16 (embedded subprocess; the call-activity half of 16 is in
 * {@link CallActivityTest}).
 */
@ProcessTest(autoTimeSkipping = false)
class ErrorEventTest {
  ProcessTestEngine engine;

  // spec §14 scenario 15
  @ParameterizedTest(name = "code {0} is caught by {1}")
  @CsvSource({"E1, onE1, handledE1", "E2, onAny, handledAny"})
  void shouldCatchThrownErrorByExactCodeBeforeCatchAll(String code, String expectedBoundary, String expectedEnd) {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-a";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("a", t -> t.zeebeJobType(type)).endEvent("end")
        .moveToActivity("a").boundaryEvent("onAny", b -> b.error()).endEvent("handledAny")
        .moveToActivity("a").boundaryEvent("onE1", b -> b.error("E1")).endEvent("handledE1")
        .done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    ActivatedJob job = engine.activateJob(type);

    // when
    engine.client().newThrowErrorCommand(job.getKey()).errorCode(code).errorMessage("declined").send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .containsSubsequence(
            tuple("a", ProcessInstanceIntent.ELEMENT_TERMINATING),
            tuple("a", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple(expectedBoundary, ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple(expectedBoundary, ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(expectedEnd, ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(processId, ProcessInstanceIntent.ELEMENT_COMPLETED));
    assertThat(elementIds(instanceKey, BpmnElementType.BOUNDARY_EVENT)).containsOnly(expectedBoundary);
    assertThat(elementIds(instanceKey, BpmnElementType.END_EVENT)).containsOnly(expectedEnd);
    assertThat(jobEvents(job.getKey())).containsExactly(JobIntent.CREATED, JobIntent.ERROR_THROWN);
    assertThat(engine.incidents(instanceKey)).isEmpty();
    ProblemException completeAfterCatch = catchThrowableOfType(ProblemException.class,
        () -> engine.client().newCompleteCommand(job.getKey()).send().join());
    assertThat(completeAfterCatch.code()).isEqualTo(404);
  }

  // spec §14 scenario 15
  @Test
  void shouldRaiseUnhandledErrorEventIncidentWhenNoCatcherAndReEnableJobOnResolve() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-a";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    ActivatedJob job = engine.activateJob(type);

    // when
    engine.client().newThrowErrorCommand(job.getKey()).errorCode("E1").errorMessage("declined").send().join();

    // then
    assertThat(engine.instance(instanceKey)).hasIncident();
    List<Incident> incidents = engine.incidents(instanceKey);
    assertThat(incidents).hasSize(1);
    Incident incident = incidents.get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.UNHANDLED_ERROR_EVENT);
    assertThat(incident.getErrorMessage()).contains("'E1'").contains("was not caught");
    assertThat(incident.getElementId()).isEqualTo("task");
    assertThat(incident.getJobKey()).isEqualTo(job.getKey());
    assertThat(engine.activateJobs(type, 10)).isEmpty();

    // when
    engine.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then: the job can be worked again
    ActivatedJob again = engine.activateJob(type);
    assertThat(again.getKey()).isEqualTo(job.getKey());
    engine.client().newCompleteCommand(again.getKey()).send().join();
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.incidents(instanceKey)).extracting(Incident::getState).containsExactly(IncidentState.RESOLVED);
    assertThat(jobEvents(job.getKey())).containsExactly(JobIntent.CREATED, JobIntent.ERROR_THROWN, JobIntent.COMPLETED);
  }

  // spec §14 scenario 16
  @Test
  void shouldTerminateSubprocessAndTakeBoundaryPathWhenErrorEndEventIsCaughtAtSubprocess() {
    // given: inside the subprocess, a job task runs beside the error end event
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-work";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .subProcess("sub").embeddedSubProcess().startEvent("subStart").parallelGateway("fork")
        .serviceTask("work", t -> t.zeebeJobType(type)).endEvent("workEnd")
        .moveToNode("fork").endEvent("fail", e -> e.error("E1"))
        .subProcessDone().endEvent("end")
        .moveToActivity("sub").boundaryEvent("onError", b -> b.error("E1")).endEvent("handled")
        .done();
    engine.deploy(model);

    // when
    long instanceKey = engine.startInstance(processId, Map.of()).key();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .containsSubsequence(
            tuple("fail", ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple("sub", ProcessInstanceIntent.ELEMENT_TERMINATING),
            tuple("sub", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple("onError", ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple("onError", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("handled", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(processId, ProcessInstanceIntent.ELEMENT_COMPLETED));
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .containsSubsequence(
            tuple("sub", ProcessInstanceIntent.ELEMENT_TERMINATING),
            tuple("work", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple("sub", ProcessInstanceIntent.ELEMENT_TERMINATED))
        .containsSubsequence(
            tuple("sub", ProcessInstanceIntent.ELEMENT_TERMINATING),
            tuple("fail", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple("sub", ProcessInstanceIntent.ELEMENT_TERMINATED))
        .doesNotContain(
            tuple("sub", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("fail", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("end", ProcessInstanceIntent.ELEMENT_ACTIVATING));
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.JOB && r.recordType() == RecordType.EVENT
        && r.intent() == JobIntent.CANCELED && ((JobRecord) r.value()).type().equals(type)))
        .hasSize(1);
    assertThat(engine.incidents(instanceKey)).isEmpty();
  }

  private List<String> elementIds(long instanceKey, BpmnElementType type) {
    return engine.records().elementEvents(instanceKey).stream().filter(r -> value(r).bpmnElementType() == type)
        .map(r -> value(r).elementId()).distinct().toList();
  }

  private List<JobIntent> jobEvents(long jobKey) {
    return engine.records().matching(r -> r.valueType() == ValueType.JOB && r.recordType() == RecordType.EVENT && r.key() == jobKey)
        .stream().map(r -> (JobIntent) r.intent()).toList();
  }

  private ProcessInstanceRecord value(Record record) {
    return (ProcessInstanceRecord) record.value();
  }
}
