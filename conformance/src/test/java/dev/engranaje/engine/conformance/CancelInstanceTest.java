package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.IncidentRecord;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.TimerIntent;
import dev.engranaje.engine.record.TimerRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cancelling a process instance (spec §11): scenario 11. */
@ProcessTest(autoTimeSkipping = false)
class CancelInstanceTest {
  ProcessTestEngine engine;

  // spec §14 scenario 11
  @Test
  void shouldCancelJobAndTimerResolveIncidentAndTerminateInsideOutWhenInstanceIsCancelled() {
    // given: inside a subprocess, task "a" has a job and a timer boundary; task "b" has an incident
    String processId = ProcessTestEngine.uniqueId("process");
    String typeA = processId + "-a";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .subProcess("sub").embeddedSubProcess().startEvent("subStart").parallelGateway("fork")
        .serviceTask("a", t -> t.zeebeJobType(typeA)).endEvent("aEnd")
        .moveToActivity("a").boundaryEvent("timeout", b -> b.timerWithDuration("PT1H")).endEvent("timedOut")
        .moveToNode("fork").serviceTask("b", t -> t.zeebeJobTypeExpression("missing")).endEvent("bEnd")
        .subProcessDone().endEvent("end")
        .done();
    engine.deploy(model);
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    assertThat(engine.instance(instanceKey)).hasIncident();
    List<Incident> incidents = engine.incidents(instanceKey);
    assertThat(incidents).extracting(Incident::getErrorType).containsExactly(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(engine.instance(instanceKey)).hasActiveElements("a");

    // when
    engine.client().newCancelInstanceCommand(instanceKey).send().join();

    // then: the client sees the instance terminated and its incident resolved
    assertThat(engine.instance(instanceKey)).isTerminated();
    assertThat(engine.client().newProcessInstanceGetRequest(instanceKey).send().join().getState())
        .isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(engine.incidents(instanceKey)).extracting(Incident::getState).containsExactly(IncidentState.RESOLVED);
    assertThat(engine.activateJobs(typeA, 10)).isEmpty();

    // then: children terminate inside-out, each cleaning up before it is TERMINATED
    List<String> log = log(instanceKey);
    assertThat(log).containsSubsequence(processId + " ELEMENT_TERMINATING", "sub ELEMENT_TERMINATING",
        "a ELEMENT_TERMINATING", "JOB CANCELED", "a ELEMENT_TERMINATED",
        "sub ELEMENT_TERMINATED", processId + " ELEMENT_TERMINATED");
    assertThat(log).containsSubsequence("a ELEMENT_TERMINATING", "TIMER CANCELED", "a ELEMENT_TERMINATED");
    assertThat(log).containsSubsequence(processId + " ELEMENT_TERMINATING", "sub ELEMENT_TERMINATING",
        "b ELEMENT_TERMINATING", "INCIDENT RESOLVED", "b ELEMENT_TERMINATED",
        "sub ELEMENT_TERMINATED", processId + " ELEMENT_TERMINATED");
    assertThat(log).filteredOn(entry -> entry.endsWith("TERMINATED")).containsExactlyInAnyOrder(
        "a ELEMENT_TERMINATED", "b ELEMENT_TERMINATED", "sub ELEMENT_TERMINATED", processId + " ELEMENT_TERMINATED");
    assertThat(log).last().isEqualTo(processId + " ELEMENT_TERMINATED");

    // when: the timer's due date passes
    engine.advance(Duration.ofHours(2));
    engine.incidents(instanceKey); // a round trip: the processor has run its due work after the advance

    // then: it does not fire
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.TIMER && r.intent() == TimerIntent.TRIGGERED
        && ((TimerRecord) r.value()).processInstanceKey() == instanceKey)).isEmpty();
  }

  // spec §14 scenario 11 (an incident on a job)
  @Test
  void shouldCancelFailedJobAndResolveItsIncidentWhenInstanceIsCancelled() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-a";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start").serviceTask("task", t -> t.zeebeJobType(type)).endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    engine.client().newFailCommand(engine.activateJob(type).getKey()).retries(0).errorMessage("down").send().join();
    assertThat(engine.instance(instanceKey)).hasIncident();
    assertThat(engine.incidents(instanceKey)).extracting(Incident::getErrorType)
        .containsExactly(IncidentErrorType.JOB_NO_RETRIES);

    // when
    engine.client().newCancelInstanceCommand(instanceKey).send().join();

    // then
    assertThat(engine.client().newProcessInstanceGetRequest(instanceKey).send().join().getState())
        .isEqualTo(ProcessInstanceState.TERMINATED);
    assertThat(engine.incidents(instanceKey)).extracting(Incident::getState).containsExactly(IncidentState.RESOLVED);
    assertThat(log(instanceKey)).containsSubsequence(processId + " ELEMENT_TERMINATING", "task ELEMENT_TERMINATING",
        "JOB CANCELED", "INCIDENT RESOLVED", "task ELEMENT_TERMINATED", processId + " ELEMENT_TERMINATED");
  }

  /**
   * The instance's events in log order: element lifecycle as "elementId INTENT", and job, timer and
   * incident events as "VALUE_TYPE INTENT".
   */
  private List<String> log(long instanceKey) {
    return engine.records().matching(r -> r.recordType() == RecordType.EVENT && instanceKey(r) == instanceKey).stream()
        .map(r -> r.value() instanceof ProcessInstanceRecord element
            ? element.elementId() + " " + r.intent()
            : r.valueType() + " " + r.intent())
        .toList();
  }

  private long instanceKey(Record record) {
    if (record.value() instanceof ProcessInstanceRecord element) {
      return element.processInstanceKey();
    } else if (record.value() instanceof JobRecord job) {
      return job.processInstanceKey();
    } else if (record.value() instanceof TimerRecord timer) {
      return timer.processInstanceKey();
    } else if (record.value() instanceof IncidentRecord incident) {
      return incident.processInstanceKey();
    }
    return -1;
  }
}
