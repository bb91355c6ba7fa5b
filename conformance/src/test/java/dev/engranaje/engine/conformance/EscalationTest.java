package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.record.EscalationIntent;
import dev.engranaje.engine.record.EscalationRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Escalations (spec §7.6): scenario 28, interrupting catches, code matching and call activities. */
@ProcessTest(autoTimeSkipping = false)
class EscalationTest {
  ProcessTestEngine engine;

  // spec §14 scenario 28
  @Test
  void shouldContinueWithoutIncidentWhenEscalationIsUncaught() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-after";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .intermediateThrowEvent("late", e -> e.escalation("LATE"))
        .serviceTask("after", t -> t.zeebeJobType(type)).endEvent("end").done();
    engine.deploy(model);

    // when
    long instanceKey = engine.startInstance(processId, Map.of()).key();

    // then
    engine.client().newCompleteCommand(engine.activateJob(type).getKey()).send().join();
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.incidents(instanceKey)).isEmpty();
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .contains(tuple("late", ProcessInstanceIntent.ELEMENT_COMPLETED));
    assertThat(escalations(instanceKey)).extracting(Record::intent, r -> ((EscalationRecord) r.value()).escalationCode(),
            r -> ((EscalationRecord) r.value()).catchElementId())
        .containsExactly(tuple(EscalationIntent.NOT_ESCALATED, "LATE", null));
  }

  // spec §14 scenario 28
  @Test
  void shouldRunBothPathsWhenNonInterruptingBoundaryCatchesEscalation() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-after";
    String notifyType = processId + "-notify";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .subProcess("sub").embeddedSubProcess().startEvent("subStart")
        .intermediateThrowEvent("late", e -> e.escalation("=code"))
        .serviceTask("after", t -> t.zeebeJobType(type)).endEvent("subEnd")
        .subProcessDone().endEvent("end")
        .moveToActivity("sub").boundaryEvent("onLate", b -> b.escalation("LATE").cancelActivity(false))
        .serviceTask("notify", t -> t.zeebeJobType(notifyType)).endEvent("notified")
        .done();
    engine.deploy(model);

    // when
    long instanceKey = engine.startInstance(processId, Map.of("code", "LATE")).key();

    // then: both paths run
    engine.client().newCompleteCommand(engine.activateJob(notifyType).getKey()).send().join();
    engine.client().newCompleteCommand(engine.activateJob(type).getKey()).send().join();
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .contains(tuple("late", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("onLate", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("notified", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("sub", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("end", ProcessInstanceIntent.ELEMENT_COMPLETED));
    assertThat(escalations(instanceKey)).extracting(Record::intent, r -> ((EscalationRecord) r.value()).catchElementId())
        .containsExactly(tuple(EscalationIntent.ESCALATED, "onLate"));
    assertThat(engine.incidents(instanceKey)).isEmpty();
  }

  @Test
  void shouldEndSubprocessWhenInterruptingBoundaryCatchesEscalationEndEvent() {
    // given: the nearest scope's catch-all boundary wins over an exact outer event subprocess
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-work";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
        .eventSubProcess("outer", e -> e.startEvent("outerStart").escalation("LATE").endEvent("outerEnd"))
        .startEvent("start")
        .subProcess("sub").embeddedSubProcess().startEvent("subStart").parallelGateway("fork")
        .serviceTask("work", t -> t.zeebeJobType(type)).endEvent("workEnd")
        .moveToNode("fork").endEvent("escalate", e -> e.escalation("LATE"))
        .subProcessDone().endEvent("end")
        .moveToActivity("sub").boundaryEvent("onAny", b -> b.escalation()).endEvent("handled")
        .done();
    engine.deploy(model);

    // when
    long instanceKey = engine.startInstance(processId, Map.of()).key();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .containsSubsequence(
            tuple("escalate", ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple("sub", ProcessInstanceIntent.ELEMENT_TERMINATING),
            tuple("sub", ProcessInstanceIntent.ELEMENT_TERMINATED),
            tuple("onAny", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("handled", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple(processId, ProcessInstanceIntent.ELEMENT_COMPLETED))
        .contains(tuple("work", ProcessInstanceIntent.ELEMENT_TERMINATED))
        .doesNotContain(tuple("escalate", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("outer", ProcessInstanceIntent.ELEMENT_ACTIVATING),
            tuple("end", ProcessInstanceIntent.ELEMENT_ACTIVATING));
  }

  @Test
  void shouldPreferExactCodeEventSubprocessOverCatchAll() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-after";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId)
        .eventSubProcess("any", e -> e.startEvent("anyStart").interrupting(false).escalation().endEvent("anyEnd"))
        .eventSubProcess("late", e -> e.startEvent("lateStart").interrupting(false).escalation("LATE")
            .endEvent("lateEnd"))
        .startEvent("start").intermediateThrowEvent("throw", e -> e.escalation("LATE"))
        .serviceTask("after", t -> t.zeebeJobType(type)).endEvent("end")
        .done();
    engine.deploy(model);

    // when
    long instanceKey = engine.startInstance(processId, Map.of()).key();

    // then
    assertThat(engine.instance(instanceKey)).hasPassedElements("lateEnd");
    engine.client().newCompleteCommand(engine.activateJob(type).getKey()).send().join();
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .doesNotContain(tuple("any", ProcessInstanceIntent.ELEMENT_ACTIVATING));
  }

  @Test
  void shouldCatchEscalationFromCalledProcessAtCallActivity() {
    // given
    String childId = ProcessTestEngine.uniqueId("process");
    String parentId = ProcessTestEngine.uniqueId("process");
    String type = parentId + "-notify";
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("childStart")
        .endEvent("childEscalates", e -> e.escalation("LATE")).done());
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId)).endEvent("end")
        .moveToActivity("call").boundaryEvent("onLate", b -> b.escalation("LATE").cancelActivity(false))
        .serviceTask("notify", t -> t.zeebeJobType(type)).endEvent("notified")
        .done());

    // when
    long instanceKey = engine.startInstance(parentId, Map.of()).key();

    // then: the child ends normally, the call activity completes and the boundary path runs too
    engine.client().newCompleteCommand(engine.activateJob(type).getKey()).send().join();
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(engine.records().elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .contains(tuple("call", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("onLate", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("end", ProcessInstanceIntent.ELEMENT_COMPLETED));
  }

  private List<Record> escalations(long instanceKey) {
    return engine.records().matching(r -> r.valueType() == ValueType.ESCALATION && r.recordType() == RecordType.EVENT
        && ((EscalationRecord) r.value()).processInstanceKey() == instanceKey);
  }

  private ProcessInstanceRecord value(Record record) {
    return (ProcessInstanceRecord) record.value();
  }
}
