package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rpa tasks}: user tasks, open ones by default. */
@Command(name = "tasks", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"List user tasks (open ones unless --state says otherwise), filtered by assignee, candidate"
        + " group or user, process and instance. Work on them with 'rpa task complete|assign|unassign'.",
        "Exit codes: 0 listed, 1 bad arguments, 2 refused by the engine, 3 engine unreachable."})
public final class TasksCommand extends ListingCommand<UserTask> {
  static final List<Column<UserTask>> COLUMNS = List.of(
      Column.of("KEY", "userTaskKey", UserTask::getUserTaskKey),
      Column.of("NAME", "name", UserTask::getName),
      Column.of("STATE", "state", UserTask::getState),
      Column.of("ASSIGNEE", "assignee", UserTask::getAssignee),
      Column.of("GROUPS", "candidateGroups", UserTask::getCandidateGroups),
      Column.of("PROCESS", "processDefinitionId", UserTask::getBpmnProcessId),
      Column.of("INSTANCE", "processInstanceKey", UserTask::getProcessInstanceKey),
      Column.of("ELEMENT", "elementId", UserTask::getElementId),
      Column.jsonOnly("candidateUsers", UserTask::getCandidateUsers),
      Column.jsonOnly("formKey", UserTask::getFormKey),
      Column.jsonOnly("followUpDate", UserTask::getFollowUpDate),
      Column.jsonOnly("completionDate", UserTask::getCompletionDate),
      Column.of("PRIORITY", "priority", UserTask::getPriority),
      Column.of("DUE", "dueDate", UserTask::getDueDate),
      Column.of("CREATED", "creationDate", UserTask::getCreationDate));

  @Option(names = "--state", paramLabel = "STATE", defaultValue = "CREATED",
      description = "created (open, the default), completed or canceled.")
  UserTaskState state;

  @Option(names = "--assignee", paramLabel = "USER", description = "Assigned to USER.")
  String assignee;

  @Option(names = "--group", paramLabel = "GROUP", description = "GROUP is a candidate group.")
  String candidateGroup;

  @Option(names = "--candidate", paramLabel = "USER", description = "USER is a candidate user.")
  String candidateUser;

  @Mixin ScopeOptions scope;

  public TasksCommand() {
    super("tasks", "user task search");
  }

  @Override
  List<Column<UserTask>> columns() {
    return COLUMNS;
  }

  @Override
  Pages.Request<UserTask> search(CamundaClient client) {
    return page -> client.newUserTaskSearchRequest().filter(filter -> {
      filter.state(state);
      ifSet(assignee, filter::assignee);
      ifSet(candidateGroup, filter::candidateGroup);
      ifSet(candidateUser, filter::candidateUser);
      ifSet(scope.processId, filter::bpmnProcessId);
      ifSet(scope.instanceKey, filter::processInstanceKey);
      ifSet(scope.elementId, filter::elementId);
    }).sort(sort -> sort.creationDate().desc()).page(page).send().join();
  }
}
