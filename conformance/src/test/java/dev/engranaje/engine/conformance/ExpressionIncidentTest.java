package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A job type expression that fails to evaluate (spec §4 activation, §10): scenario 10. */
@ProcessTest(autoTimeSkipping = false)
class ExpressionIncidentTest {
  ProcessTestEngine engine;

  // spec §14 scenario 10
  @Test
  void shouldLeaveTaskActivatingWithExtractValueErrorAndCreateJobAfterVariableIsSetAndIncidentResolved() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .serviceTask("task", t -> t.zeebeJobTypeExpression("\"t-\" + kind")).endEvent("end").done());

    // when
    long instanceKey = engine.startInstance(processId, Map.of()).key();

    // then
    assertThat(engine.instance(instanceKey)).hasIncident();
    List<Incident> incidents = engine.incidents(instanceKey);
    assertThat(incidents).hasSize(1);
    Incident incident = incidents.get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incident.getElementId()).isEqualTo("task");
    assertThat(incident.getErrorMessage()).contains("\"t-\" + kind");
    assertThat(taskIntents(instanceKey)).containsExactly(ProcessInstanceIntent.ELEMENT_ACTIVATING);
    assertThat(jobsOf(instanceKey)).isEmpty();

    // when: resolving without fixing the data
    engine.client().newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then: the activation is replayed, fails again and raises a new incident
    engine.awaitIdle();
    assertThat(engine.incidents(instanceKey).size() == 2).as("a second incident").isTrue();
    Incident second = engine.incidents(instanceKey).stream().filter(i -> i.getState() == IncidentState.ACTIVE)
        .findFirst().orElseThrow();
    assertThat(second.getIncidentKey()).isNotEqualTo(incident.getIncidentKey());
    assertThat(second.getErrorType()).isEqualTo(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(taskIntents(instanceKey)).containsExactly(ProcessInstanceIntent.ELEMENT_ACTIVATING);

    // when
    String kind = processId;
    engine.client().newSetVariablesCommand(instanceKey).variables(Map.of("kind", kind)).send().join();
    engine.client().newResolveIncidentCommand(second.getIncidentKey()).send().join();

    // then
    ActivatedJob job = engine.activateJob("t-" + kind);
    assertThat(job.getProcessInstanceKey()).isEqualTo(instanceKey);
    assertThat(job.getElementId()).isEqualTo("task");
    assertThat(jobsOf(instanceKey)).extracting(r -> ((JobRecord) r.value()).type()).containsExactly("t-" + kind);
    assertThat(taskIntents(instanceKey))
        .containsExactly(ProcessInstanceIntent.ELEMENT_ACTIVATING, ProcessInstanceIntent.ELEMENT_ACTIVATED);
    assertThat(engine.incidents(instanceKey)).extracting(Incident::getState)
        .containsExactly(IncidentState.RESOLVED, IncidentState.RESOLVED);
    engine.client().newCompleteCommand(job.getKey()).send().join();
    assertThat(engine.instance(instanceKey)).isCompleted();
  }

  private List<ProcessInstanceIntent> taskIntents(long instanceKey) {
    return engine.records().elementEvents(instanceKey).stream()
        .filter(r -> ((ProcessInstanceRecord) r.value()).elementId().equals("task"))
        .map(r -> (ProcessInstanceIntent) r.intent())
        .toList();
  }

  private List<Record> jobsOf(long instanceKey) {
    return engine.records().matching(r -> r.valueType() == ValueType.JOB && r.recordType() == RecordType.EVENT
        && r.intent() == JobIntent.CREATED && ((JobRecord) r.value()).processInstanceKey() == instanceKey);
  }
}
