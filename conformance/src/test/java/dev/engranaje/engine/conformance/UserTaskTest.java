package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.UserTaskIntent;
import dev.engranaje.engine.record.UserTaskRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** User tasks (spec §5): scenario 29, the user-task API, cancellation and search. */
@ProcessTest(autoTimeSkipping = false)
class UserTaskTest {
  ProcessTestEngine engine;

  // spec §14 scenario 29
  @Test
  void shouldRecordAssigneeAndCandidateGroupsAndPropagateCompletionVariablesWhenCamundaUserTaskCompletes() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .userTask("approve", t -> t.zeebeUserTask().zeebeAssigneeExpression("initiator").zeebeCandidateGroups("a, b")
            .zeebeDueDate("2025-03-01T09:00:00+01:00").zeebeTaskPriority("70"))
        .endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of("initiator", "ana")).key();
    UserTask task = awaitTask(instanceKey);

    // when
    engine.client().newCompleteUserTaskCommand(task.getUserTaskKey()).variables(Map.of("approved", true)).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(task.getAssignee()).isEqualTo("ana");
    assertThat(task.getCandidateGroups()).containsExactly("a", "b");
    assertThat(task.getPriority()).isEqualTo(70);
    assertThat(task.getDueDate()).isEqualTo("2025-03-01T09:00+01:00");
    UserTaskRecord created = taskEvents(instanceKey, UserTaskIntent.CREATED).get(0);
    assertThat(created.assignee()).isEqualTo("ana");
    assertThat(created.candidateGroups()).containsExactly("a", "b");
    assertThat(intents(instanceKey)).containsSubsequence("USER_TASK CREATING", "approve ELEMENT_ACTIVATED",
        "USER_TASK CREATED", "USER_TASK COMPLETING", "USER_TASK COMPLETED", "approve ELEMENT_COMPLETING",
        "approve ELEMENT_COMPLETED");
    assertThat(processVariable(instanceKey, "approved")).isEqualTo("true");
  }

  // spec §14 scenario 29, job-worker variant
  @Test
  void shouldShowTheElementNameAsTaskNameAndTheIdWhenTheModelGivesNone() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .userTask("approve", t -> t.name("Approve payment run").zeebeUserTask())
        .userTask("archive", t -> t.zeebeUserTask())
        .endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();

    // when
    UserTask named = awaitTask(instanceKey);
    engine.client().newCompleteUserTaskCommand(named.getUserTaskKey()).send().join();
    engine.awaitIdle();
    UserTask unnamed = engine.client().newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).elementId("archive")).send().join().items().get(0);

    // then
    assertThat(named.getName()).isEqualTo("Approve payment run");
    assertThat(engine.client().newUserTaskGetRequest(named.getUserTaskKey()).send().join().getName())
        .isEqualTo("Approve payment run");
    assertThat(unnamed.getName()).isEqualTo("archive");
  }

  @Test
  void shouldShowTheElementNameOnEachTaskOfAMultiInstanceUserTask() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .userTask("approve", t -> t.name("Approve payment run").zeebeUserTask()
            .multiInstance(m -> m.parallel().zeebeInputCollectionExpression("approvers").zeebeInputElement("approver")))
        .endEvent("end").done());

    // when
    long instanceKey = engine.startInstance(processId, Map.of("approvers", List.of("ana", "ben"))).key();
    engine.awaitIdle();

    // then
    assertThat(openTasks(instanceKey)).hasSize(2).extracting(UserTask::getName)
        .containsOnly("Approve payment run");
  }

  @Test
  void shouldCarryReservedHeadersWhenUserTaskIsJobWorkerTask() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .userTask("approve", t -> t.zeebeAssignee("ana").zeebeCandidateGroups("a,b")
            .zeebeCandidateUsersExpression("[\"u1\"]").zeebeFormKey("camunda-forms:bpmn:form1"))
        .endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();

    // when
    ActivatedJob job = engine.activateJob("io.camunda.zeebe:userTask");
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("approved", "yes")).send().join();

    // then
    assertThat(job.getCustomHeaders()).containsEntry("io.camunda.zeebe:assignee", "ana")
        .containsEntry("io.camunda.zeebe:candidateGroups", "[\"a\",\"b\"]")
        .containsEntry("io.camunda.zeebe:candidateUsers", "[\"u1\"]")
        .containsEntry("io.camunda.zeebe:formKey", "camunda-forms:bpmn:form1");
    assertThat(job.getProcessInstanceKey()).isEqualTo(instanceKey);
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(processVariable(instanceKey, "approved")).isEqualTo("\"yes\"");
    assertThat(engine.client().newUserTaskSearchRequest().filter(f -> f.processInstanceKey(instanceKey)).send().join()
        .items()).isEmpty();
  }

  // issue "Must show 4": four-eyes approvals need the completer in the record log
  @Test
  void shouldContinueWithSubmittedVariablesAndRecordCompleterWhenTaskIsCompletedThroughUserTaskApi() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .userTask("review", t -> t.zeebeUserTask().zeebeAssignee("maker"))
        .userTask("approve", t -> t.zeebeUserTask().zeebeCandidateGroups("checkers"))
        .endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    UserTask review = awaitTask(instanceKey);
    engine.client().newCompleteUserTaskCommand(review.getUserTaskKey()).variables(Map.of("amount", 120)).send().join();
    UserTask approve = awaitTask(instanceKey);

    // when
    engine.client().newAssignUserTaskCommand(approve.getUserTaskKey()).assignee("checker").send().join();
    engine.client().newCompleteUserTaskCommand(approve.getUserTaskKey()).variables(Map.of("approved", true)).send()
        .join();

    // then
    assertThat(engine.instance(instanceKey)).isCompleted();
    assertThat(processVariable(instanceKey, "amount")).isEqualTo("120");
    assertThat(processVariable(instanceKey, "approved")).isEqualTo("true");
    assertThat(taskEvents(instanceKey, UserTaskIntent.COMPLETED)).extracting(UserTaskRecord::elementId,
        UserTaskRecord::completer, UserTaskRecord::variables).containsExactly(
            org.assertj.core.groups.Tuple.tuple("review", "maker", "{\"amount\":120}"),
            org.assertj.core.groups.Tuple.tuple("approve", "checker", "{\"approved\":true}"));
    assertThat(taskEvents(instanceKey, UserTaskIntent.COMPLETED)).extracting(UserTaskRecord::action)
        .containsOnly("complete");
  }

  @Test
  void shouldShowAssigneeWhenTaskIsAssignedAndUnassigned() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(approvalProcess(processId));
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    long taskKey = awaitTask(instanceKey).getUserTaskKey();

    // when
    engine.client().newAssignUserTaskCommand(taskKey).assignee("lucia").send().join();
    UserTask assigned = engine.client().newUserTaskGetRequest(taskKey).send().join();
    engine.client().newUnassignUserTaskCommand(taskKey).send().join();
    UserTask unassigned = engine.client().newUserTaskGetRequest(taskKey).send().join();

    // then
    assertThat(assigned.getAssignee()).isEqualTo("lucia");
    assertThat(assigned.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(unassigned.getAssignee()).isNull();
    assertThat(intents(instanceKey)).containsSubsequence("USER_TASK ASSIGNING", "USER_TASK ASSIGNED",
        "USER_TASK ASSIGNING", "USER_TASK ASSIGNED");
  }

  @Test
  void shouldRejectWithNotFoundWhenCompletedTaskIsCompletedAgain() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(approvalProcess(processId));
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    long taskKey = awaitTask(instanceKey).getUserTaskKey();
    engine.client().newCompleteUserTaskCommand(taskKey).send().join();

    // when / then
    assertThatThrownBy(() -> engine.client().newCompleteUserTaskCommand(taskKey).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
    assertThatThrownBy(() -> engine.client().newUserTaskGetRequest(Long.MAX_VALUE - 7).send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(404));
    assertThat(engine.client().newUserTaskGetRequest(taskKey).send().join().getState())
        .isEqualTo(UserTaskState.COMPLETED);
  }

  @Test
  void shouldCancelTaskWhenInstanceIsCancelled() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(approvalProcess(processId));
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    long taskKey = awaitTask(instanceKey).getUserTaskKey();

    // when
    engine.client().newCancelInstanceCommand(instanceKey).send().join();

    // then
    assertThat(engine.instance(instanceKey)).isTerminated();
    assertThat(intents(instanceKey)).containsSubsequence("approve ELEMENT_TERMINATING", "USER_TASK CANCELING",
        "USER_TASK CANCELED", "approve ELEMENT_TERMINATED");
    assertThat(engine.client().newUserTaskGetRequest(taskKey).send().join().getState())
        .isEqualTo(UserTaskState.CANCELED);
  }

  @Test
  void shouldFindTasksByProcessInstanceAndStateWhenSearching() {
    // given: one task completed and one waiting in the same instance
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .userTask("first", t -> t.zeebeUserTask()).userTask("second", t -> t.zeebeUserTask().zeebeAssignee("bo"))
        .endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    engine.client().newCompleteUserTaskCommand(awaitTask(instanceKey).getUserTaskKey()).send().join();
    awaitTask(instanceKey);

    // when
    List<UserTask> all = engine.client().newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey)).send().join().items();
    List<UserTask> open = engine.client().newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).state(UserTaskState.CREATED)).send().join().items();
    List<UserTask> byAssignee = engine.client().newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).assignee("bo").elementId("second")).send().join().items();

    // then
    assertThat(all).extracting(UserTask::getElementId, UserTask::getState).containsExactly(
        org.assertj.core.groups.Tuple.tuple("first", UserTaskState.COMPLETED),
        org.assertj.core.groups.Tuple.tuple("second", UserTaskState.CREATED));
    assertThat(open).extracting(UserTask::getElementId).containsExactly("second");
    assertThat(byAssignee).extracting(UserTask::getElementId).containsExactly("second");
  }

  @Test
  void shouldRejectWithConflictWhenTaskAssignedToSomeoneElseIsAssignedWithoutOverride() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(approvalProcess(processId));
    long instanceKey = engine.startInstance(processId, Map.of()).key();
    long taskKey = awaitTask(instanceKey).getUserTaskKey();
    engine.client().newAssignUserTaskCommand(taskKey).assignee("ana").send().join();

    // when / then
    assertThatThrownBy(() -> engine.client().newAssignUserTaskCommand(taskKey).assignee("bo").allowOverride(false)
        .send().join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(409));
    assertThat(engine.client().newUserTaskGetRequest(taskKey).send().join().getAssignee()).isEqualTo("ana");
  }

  @Test
  void shouldCreateTaskAfterResolvingWhenCandidateGroupsWereNotAList() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .userTask("approve", t -> t.zeebeUserTask().zeebeCandidateGroupsExpression("groups")).endEvent("end").done());
    long instanceKey = engine.startInstance(processId, Map.of("groups", 5)).key();
    assertThat(engine.instance(instanceKey)).hasIncident();
    List<Incident> incidents = engine.incidents(instanceKey);

    // when
    engine.client().newSetVariablesCommand(instanceKey).variables(Map.of("groups", List.of("sales"))).send().join();
    engine.client().newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();

    // then
    assertThat(incidents).extracting(Incident::getErrorType).containsExactly(IncidentErrorType.EXTRACT_VALUE_ERROR);
    assertThat(incidents.get(0).getErrorMessage()).contains("candidateGroups", "a list of strings");
    assertThat(awaitTask(instanceKey).getCandidateGroups()).containsExactly("sales");
  }

  @Test
  void shouldRaiseFormNotFoundWhenTaskLinksDeployedForm() {
    // given a linked form that was never deployed (UserTaskFormTest covers deployed forms)
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .userTask("approve", t -> t.zeebeUserTask().zeebeFormId("approval-form")).endEvent("end").done());

    // when
    long instanceKey = engine.startInstance(processId, Map.of()).key();

    // then
    assertThat(engine.instance(instanceKey)).hasIncident();
    assertThat(engine.incidents(instanceKey)).extracting(Incident::getErrorType)
        .containsExactly(IncidentErrorType.FORM_NOT_FOUND);
  }

  @Test
  void shouldShowExternalFormReferenceAndFollowUpDateWhenTaskSetsThem() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .userTask("approve", t -> t.zeebeUserTask().zeebeExternalFormReferenceExpression("\"https://forms/\" + id")
            .zeebeFollowUpDateExpression("date and time(\"2030-05-01T08:00:00Z\")"))
        .endEvent("end").done());

    // when
    long instanceKey = engine.startInstance(processId, Map.of("id", "42")).key();

    // then
    UserTask task = awaitTask(instanceKey);
    assertThat(task.getExternalFormReference()).isEqualTo("https://forms/42");
    assertThat(task.getFollowUpDate()).isEqualTo("2030-05-01T08:00Z");
    assertThat(task.getPriority()).isEqualTo(50);
  }

  private static BpmnModelInstance approvalProcess(String processId) {
    return Bpmn.createExecutableProcess(processId).startEvent("start").userTask("approve", t -> t.zeebeUserTask())
        .endEvent("end").done();
  }

  /** Waits for the instance's single open task. */
  private UserTask awaitTask(long instanceKey) {
    engine.awaitIdle();
    assertThat(openTasks(instanceKey)).as("a user task is open").isNotEmpty();
    List<UserTask> open = openTasks(instanceKey);
    assertThat(open).hasSize(1);
    return open.get(0);
  }

  private List<UserTask> openTasks(long instanceKey) {
    return engine.client().newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).state(UserTaskState.CREATED)).send().join().items();
  }

  private List<UserTaskRecord> taskEvents(long instanceKey, UserTaskIntent intent) {
    return engine.records().matching(r -> r.valueType() == ValueType.USER_TASK && r.intent() == intent
        && ((UserTaskRecord) r.value()).processInstanceKey() == instanceKey)
        .stream().map(r -> (UserTaskRecord) r.value()).toList();
  }

  /** Element events as "elementId INTENT" and user task events as "USER_TASK INTENT", in log order. */
  private List<String> intents(long instanceKey) {
    return engine.records().matching(r -> r.recordType() == RecordType.EVENT && belongsTo(r, instanceKey)).stream()
        .map(r -> r.valueType() == ValueType.USER_TASK ? "USER_TASK " + r.intent()
            : ((ProcessInstanceRecord) r.value()).elementId() + " " + r.intent())
        .toList();
  }

  private static boolean belongsTo(Record r, long instanceKey) {
    return r.value() instanceof UserTaskRecord task ? task.processInstanceKey() == instanceKey
        : r.value() instanceof ProcessInstanceRecord element && element.processInstanceKey() == instanceKey;
  }

  /** The last value the record log shows for a root variable (the scope is gone once the instance ends). */
  private String processVariable(long instanceKey, String name) {
    List<String> values = engine.records().matching(r -> r.valueType() == ValueType.VARIABLE
        && r.value() instanceof VariableRecord v && v.scopeKey() == instanceKey && v.name().equals(name))
        .stream().map(r -> ((VariableRecord) r.value()).value()).toList();
    assertThat(values).as("values of root variable '%s'", name).isNotEmpty();
    return values.get(values.size() - 1);
  }
}
