package dev.engranaje.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.record.EscalationIntent;
import dev.engranaje.engine.record.EscalationRecord;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Escalations (spec §7.6): scenario 28, interrupting catches, code matching and call activities. */
class EscalationTest {
  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TestEngine.inMemory();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  // spec §14 scenario 28
  @Test
  void shouldContinueWithoutIncidentWhenEscalationIsUncaught() {
    // given
    String processId = TestEngine.uniqueProcessId();
    String type = processId + "-after";
    BpmnModelInstance model = Bpmn.createExecutableProcess(processId).startEvent("start")
        .intermediateThrowEvent("late", e -> e.escalation("LATE"))
        .serviceTask("after", t -> t.zeebeJobType(type)).endEvent("end").done();
    engine.deploy(model);

    // when
    long instanceKey = engine.createInstance(processId, Map.of());

    // then
    engine.client().newCompleteCommand(engine.activateJob(type).getKey()).send().join();
    engine.awaitCompleted(instanceKey);
    assertThat(engine.incidents(instanceKey)).isEmpty();
    assertThat(engine.elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .contains(tuple("late", ProcessInstanceIntent.ELEMENT_COMPLETED));
    assertThat(escalations(instanceKey)).extracting(Record::intent, r -> ((EscalationRecord) r.value()).escalationCode(),
            r -> ((EscalationRecord) r.value()).catchElementId())
        .containsExactly(tuple(EscalationIntent.NOT_ESCALATED, "LATE", null));
  }

  // spec §14 scenario 28
  @Test
  void shouldRunBothPathsWhenNonInterruptingBoundaryCatchesEscalation() {
    // given
    String processId = TestEngine.uniqueProcessId();
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
    long instanceKey = engine.createInstance(processId, Map.of("code", "LATE"));

    // then: both paths run
    engine.client().newCompleteCommand(engine.activateJob(notifyType).getKey()).send().join();
    engine.client().newCompleteCommand(engine.activateJob(type).getKey()).send().join();
    engine.awaitCompleted(instanceKey);
    assertThat(engine.elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
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
    String processId = TestEngine.uniqueProcessId();
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
    long instanceKey = engine.createInstance(processId, Map.of());

    // then
    engine.awaitCompleted(instanceKey);
    assertThat(engine.elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
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
    String processId = TestEngine.uniqueProcessId();
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
    long instanceKey = engine.createInstance(processId, Map.of());

    // then
    engine.awaitElement(instanceKey, "lateEnd", ProcessInstanceIntent.ELEMENT_COMPLETED);
    engine.client().newCompleteCommand(engine.activateJob(type).getKey()).send().join();
    engine.awaitCompleted(instanceKey);
    assertThat(engine.elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .doesNotContain(tuple("any", ProcessInstanceIntent.ELEMENT_ACTIVATING));
  }

  @Test
  void shouldCatchEscalationFromCalledProcessAtCallActivity() {
    // given
    String childId = TestEngine.uniqueProcessId();
    String parentId = TestEngine.uniqueProcessId();
    String type = parentId + "-notify";
    engine.deploy(Bpmn.createExecutableProcess(childId).startEvent("childStart")
        .endEvent("childEscalates", e -> e.escalation("LATE")).done());
    engine.deploy(Bpmn.createExecutableProcess(parentId).startEvent("start")
        .callActivity("call", c -> c.zeebeProcessId(childId)).endEvent("end")
        .moveToActivity("call").boundaryEvent("onLate", b -> b.escalation("LATE").cancelActivity(false))
        .serviceTask("notify", t -> t.zeebeJobType(type)).endEvent("notified")
        .done());

    // when
    long instanceKey = engine.createInstance(parentId, Map.of());

    // then: the child ends normally, the call activity completes and the boundary path runs too
    engine.client().newCompleteCommand(engine.activateJob(type).getKey()).send().join();
    engine.awaitCompleted(instanceKey);
    assertThat(engine.elementEvents(instanceKey)).extracting(r -> value(r).elementId(), Record::intent)
        .contains(tuple("call", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("onLate", ProcessInstanceIntent.ELEMENT_COMPLETED),
            tuple("end", ProcessInstanceIntent.ELEMENT_COMPLETED));
  }

  private static List<Record> escalations(long instanceKey) {
    return engine.matching(r -> r.valueType() == ValueType.ESCALATION && r.recordType() == RecordType.EVENT
        && ((EscalationRecord) r.value()).processInstanceKey() == instanceKey);
  }

  private static ProcessInstanceRecord value(Record record) {
    return (ProcessInstanceRecord) record.value();
  }
}
