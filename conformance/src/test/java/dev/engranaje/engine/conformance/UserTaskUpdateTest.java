package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.UserTaskIntent;
import dev.engranaje.engine.record.UserTaskRecord;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.command.UpdateUserTaskCommandStep1;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Updating Camunda user tasks through {@code PATCH /v2/user-tasks/{key}} (spec §5): candidates,
 * dates and priority change with UserTask UPDATING then UPDATED, attributes the request leaves out
 * stay as they were, and invalid values are rejected with 400 and change nothing.
 */
@ProcessTest(autoTimeSkipping = false)
class UserTaskUpdateTest {
  ProcessTestEngine engine;

  @Test
  void shouldChangeCandidatesDatesAndPriorityWithUpdatingThenUpdatedWhenTaskIsUpdated() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    long instanceKey = startApproval(processId);
    long taskKey = awaitTask(instanceKey).getUserTaskKey();
    OffsetDateTime due = OffsetDateTime.of(2031, 5, 2, 17, 0, 0, 0, ZoneOffset.ofHours(2));

    // when
    engine.client().newUpdateUserTaskCommand(taskKey).candidateGroups("finance").candidateUsers("ana", "bo")
        .dueDate(due).followUpDate("2031-05-01T09:30:00Z").priority(80).action("escalate").send().join();

    // then the task shows the new values, and what the request did not name is unchanged
    UserTask task = engine.client().newUserTaskGetRequest(taskKey).send().join();
    assertThat(task.getCandidateGroups()).containsExactly("finance");
    assertThat(task.getCandidateUsers()).containsExactly("ana", "bo");
    assertThat(task.getDueDate()).isAtSameInstantAs(due);
    assertThat(task.getFollowUpDate()).isAtSameInstantAs(OffsetDateTime.parse("2031-05-01T09:30:00Z"));
    assertThat(task.getPriority()).isEqualTo(80);
    assertThat(task.getAssignee()).isEqualTo("ana");
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    List<String> all = List.of("candidateGroups", "candidateUsers", "dueDate", "followUpDate", "priority");
    assertThat(taskEvents(taskKey)).extracting(Record::intent, r -> task(r).state(), r -> task(r).action(),
            r -> task(r).changedAttributes(), r -> task(r).priority())
        .containsExactly(
            tuple(UserTaskIntent.CREATING, "CREATING", "", List.of(), 50),
            tuple(UserTaskIntent.CREATED, "CREATED", "", List.of(), 50),
            tuple(UserTaskIntent.UPDATING, "UPDATING", "escalate", all, 80),
            tuple(UserTaskIntent.UPDATED, "CREATED", "escalate", all, 80));

    // and the task can still be completed
    engine.client().newCompleteUserTaskCommand(taskKey).send().join();
    assertThat(engine.instance(instanceKey)).isCompleted();
  }

  @Test
  void shouldClearOnlyTheNamedAttributesWhenUpdateClearsDueDateAndCandidateGroups() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    long instanceKey = startApproval(processId);
    long taskKey = awaitTask(instanceKey).getUserTaskKey();

    // when
    engine.client().newUpdateUserTaskCommand(taskKey).clearDueDate().clearCandidateGroups().send().join();

    // then
    UserTask task = engine.client().newUserTaskGetRequest(taskKey).send().join();
    assertThat(task.getDueDate()).isNull();
    assertThat(task.getCandidateGroups()).isEmpty();
    assertThat(task.getCandidateUsers()).containsExactly("carla");
    assertThat(task.getPriority()).isEqualTo(50);
    UserTaskRecord updated = task(taskEvents(taskKey).get(3));
    assertThat(updated.changedAttributes()).containsExactly("candidateGroups", "dueDate");
    assertThat(updated.action()).isEqualTo("update");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUpdates")
  void shouldRejectWithBadRequestAndChangeNothingWhenUpdateIsInvalid(String problemCase,
      UnaryOperator<UpdateUserTaskCommandStep1> update, String expectedDetail) {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    long instanceKey = startApproval(processId);
    long taskKey = awaitTask(instanceKey).getUserTaskKey();

    // when
    ProblemException problem = catchThrowableOfType(ProblemException.class,
        () -> update.apply(engine.client().newUpdateUserTaskCommand(taskKey)).send().join());

    // then
    assertThat(problem.code()).isEqualTo(400);
    assertThat(problem.details().getDetail()).contains(expectedDetail);
    assertThat(taskEvents(taskKey)).extracting(Record::intent)
        .containsExactly(UserTaskIntent.CREATING, UserTaskIntent.CREATED);
    assertThat(engine.client().newUserTaskGetRequest(taskKey).send().join().getPriority()).isEqualTo(50);
  }

  static Stream<Arguments> invalidUpdates() {
    UnaryOperator<UpdateUserTaskCommandStep1> priorityTooHigh = c -> c.priority(101);
    UnaryOperator<UpdateUserTaskCommandStep1> negativePriority = c -> c.candidateUsers("ana").priority(-1);
    UnaryOperator<UpdateUserTaskCommandStep1> notADate = c -> c.dueDate("next friday");
    UnaryOperator<UpdateUserTaskCommandStep1> dateWithoutOffset = c -> c.followUpDate("2031-05-01T09:30:00");
    UnaryOperator<UpdateUserTaskCommandStep1> blankCandidate = c -> c.candidateGroups("sales", " ");
    UnaryOperator<UpdateUserTaskCommandStep1> nothing = c -> c;
    return Stream.of(
        Arguments.of("priority above 100", priorityTooHigh, "priority"),
        Arguments.of("negative priority", negativePriority, "but it was -1"),
        Arguments.of("due date that is no date", notADate, "'next friday'"),
        Arguments.of("follow-up date without offset", dateWithoutOffset, "followUpDate"),
        Arguments.of("blank candidate group", blankCandidate, "candidateGroups"),
        Arguments.of("no changes and no action", nothing, "at least one of"));
  }

  @Test
  void shouldRejectWithNotFoundWhenCompletedOrUnknownTaskIsUpdated() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    long instanceKey = startApproval(processId);
    long taskKey = awaitTask(instanceKey).getUserTaskKey();
    engine.client().newCompleteUserTaskCommand(taskKey).send().join();

    // when
    ProblemException completed = catchThrowableOfType(ProblemException.class,
        () -> engine.client().newUpdateUserTaskCommand(taskKey).priority(10).send().join());
    ProblemException unknown = catchThrowableOfType(ProblemException.class,
        () -> engine.client().newUpdateUserTaskCommand(Long.MAX_VALUE - 3).priority(10).send().join());

    // then
    assertThat(completed.code()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo(404);
    assertThat(taskEvents(taskKey)).extracting(Record::intent).doesNotContain(UserTaskIntent.UPDATING);
  }

  private long startApproval(String processId) {
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent("start")
        .userTask("approve", t -> t.zeebeUserTask().zeebeAssignee("ana").zeebeCandidateGroups("sales, ops")
            .zeebeCandidateUsers("carla").zeebeDueDate("2030-01-01T12:00:00Z"))
        .endEvent("end").done());
    return engine.startInstance(processId, Map.of()).key();
  }

  private UserTask awaitTask(long instanceKey) {
    engine.awaitIdle();
    assertThat(openTasks(instanceKey)).as("a user task is open").isNotEmpty();
    return openTasks(instanceKey).get(0);
  }

  private List<UserTask> openTasks(long instanceKey) {
    return engine.client().newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instanceKey).state(UserTaskState.CREATED)).send().join().items();
  }

  private List<Record> taskEvents(long taskKey) {
    return engine.records().matching(r -> r.valueType() == ValueType.USER_TASK && task(r).userTaskKey() == taskKey);
  }

  private static UserTaskRecord task(Record record) {
    return (UserTaskRecord) record.value();
  }
}
