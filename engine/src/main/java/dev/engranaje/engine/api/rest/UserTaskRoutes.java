package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.FormView;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.gateway.UserTaskFilter;
import dev.engranaje.engine.gateway.UserTaskView;
import io.camunda.client.protocol.rest.FormResult;
import io.camunda.client.protocol.rest.UserTaskAssignmentRequest;
import io.camunda.client.protocol.rest.UserTaskCompletionRequest;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.UserTaskSearchQueryResult;
import io.camunda.client.protocol.rest.UserTaskStateEnum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Camunda user tasks: search, get, linked form, assignment, unassignment, update and completion, with the
 * request and response classes of the Camunda 8.9 client. A task that links no deployed form answers
 * its form request with 204 No Content, as Camunda does. An empty request body is accepted where all fields
 * are optional (completion, as the client may send none).
 */
final class UserTaskRoutes {

  private static final Set<String> FILTER_FIELDS =
      Set.of("userTaskKey", "processInstanceKey", "elementInstanceKey", "state", "assignee", "elementId",
          "processDefinitionId");

  private final EngineGateway gateway;

  UserTaskRoutes(EngineGateway gateway) {
    this.gateway = gateway;
  }

  void register(Router router) {
    router.add("POST", "/v2/user-tasks/search", this::search);
    router.add("GET", "/v2/user-tasks/{key}", this::get);
    router.add("GET", "/v2/user-tasks/{key}/form", this::form);
    router.add("POST", "/v2/user-tasks/{key}/assignment", this::assign);
    router.add("DELETE", "/v2/user-tasks/{key}/assignee", this::unassign);
    router.add("POST", "/v2/user-tasks/{key}/completion", this::complete);
    router.add("PATCH", "/v2/user-tasks/{key}", this::update);
  }

  private CompletionStage<RestResponse> search(RestRequest request) {
    JsonNode query = Json.readTree(request.body());
    JsonNode filter = SearchQueries.filter(query, FILTER_FIELDS);
    UserTaskFilter taskFilter =
        new UserTaskFilter(
            SearchQueries.key(filter, "userTaskKey"),
            SearchQueries.key(filter, "processInstanceKey"),
            SearchQueries.key(filter, "elementInstanceKey"),
            SearchQueries.string(filter, "state"),
            SearchQueries.string(filter, "assignee"),
            SearchQueries.string(filter, "elementId"),
            SearchQueries.string(filter, "processDefinitionId"));
    return gateway
        .searchUserTasks(taskFilter)
        .thenApply(
            tasks -> {
              var page = SearchQueries.page(query, tasks);
              UserTaskSearchQueryResult result = new UserTaskSearchQueryResult();
              result.setItems(page.items().stream().map(UserTaskRoutes::toResult).toList());
              result.setPage(page.page());
              return RestResponse.ok(result);
            });
  }

  private CompletionStage<RestResponse> get(RestRequest request) {
    long key = request.key("key");
    return gateway
        .getUserTask(key)
        .thenApply(
            found ->
                RestResponse.ok(
                    toResult(
                        found.orElseThrow(
                            () ->
                                new Rejection(
                                    RejectionType.NOT_FOUND,
                                    "User task with key " + key + " not found")))));
  }

  private CompletionStage<RestResponse> form(RestRequest request) {
    return gateway
        .getUserTaskForm(request.key("key"))
        .thenApply(form -> form.map(f -> RestResponse.ok(toResult(f))).orElseGet(RestResponse::noContent));
  }

  static FormResult toResult(FormView view) {
    FormResult result = new FormResult();
    result.setFormKey(Json.key(view.formKey()));
    result.setFormId(view.formId());
    result.setVersion((long) view.version());
    result.setSchema(view.schema());
    result.setTenantId(view.tenantId());
    return result;
  }

  private CompletionStage<RestResponse> assign(RestRequest request) {
    long key = request.key("key");
    UserTaskAssignmentRequest body = request.body(UserTaskAssignmentRequest.class);
    if (body.getAssignee() == null || body.getAssignee().isBlank()) {
      throw RestRequest.badRequest("Expected an assignee, but none was given");
    }
    return gateway
        .assignUserTask(key, body.getAssignee(), body.getAllowOverride(), body.getAction())
        .thenApply(ignored -> RestResponse.noContent());
  }

  private CompletionStage<RestResponse> unassign(RestRequest request) {
    return gateway
        .unassignUserTask(request.key("key"))
        .thenApply(ignored -> RestResponse.noContent());
  }

  private CompletionStage<RestResponse> update(RestRequest request) {
    long key = request.key("key");
    return gateway
        .updateUserTask(key, UserTaskUpdateReader.read(request.body()))
        .thenApply(ignored -> RestResponse.noContent());
  }

  private CompletionStage<RestResponse> complete(RestRequest request) {
    long key = request.key("key");
    UserTaskCompletionRequest body =
        request.body().length == 0
            ? new UserTaskCompletionRequest()
            : request.body(UserTaskCompletionRequest.class);
    String variables = Json.variablesToJson(body.getVariables());
    Router.Identity identity = request.identity();
    if (!identity.isRestricted()) {
      return gateway.completeUserTask(key, variables, body.getAction()).thenApply(ignored -> RestResponse.noContent());
    }
    // A task user completes as themselves: so that the assignee recorded (which four-eyes rules read)
    // is the authenticated user, someone else's task is refused and an unassigned one is claimed first.
    return gateway.getUserTask(key).thenCompose(task -> {
      String assignee = task.map(UserTaskView::assignee).orElse(null);
      if (task.isPresent() && assignee != null && !assignee.isEmpty() && !assignee.equals(identity.user())) {
        return CompletableFuture.completedFuture(ProblemDetails.of(403, "FORBIDDEN", "Expected user task " + key
            + " to be assigned to '" + identity.user() + "' or to no one, but it is assigned to '" + assignee
            + "'; only an admin may complete someone else's task", request.path()));
      }
      CompletionStage<Void> claimed = task.isPresent() && (assignee == null || assignee.isEmpty())
          ? gateway.assignUserTask(key, identity.user(), false, "claim")
          : CompletableFuture.completedFuture(null);
      return claimed.thenCompose(ignored -> gateway.completeUserTask(key, variables, body.getAction()))
          .thenApply(ignored -> RestResponse.noContent());
    });
  }

  static UserTaskResult toResult(UserTaskView view) {
    UserTaskResult result = new UserTaskResult();
    result.setUserTaskKey(Json.key(view.key()));
    result.setElementInstanceKey(Json.key(view.elementInstanceKey()));
    result.setProcessInstanceKey(Json.key(view.processInstanceKey()));
    result.setProcessDefinitionId(view.bpmnProcessId());
    result.setProcessDefinitionVersion(view.processDefinitionVersion());
    result.setProcessDefinitionKey(Json.key(view.processDefinitionKey()));
    result.setElementId(view.elementId());
    result.setName(view.name());
    result.setState(UserTaskStateEnum.fromValue(view.state()));
    result.setAssignee(view.assignee().isEmpty() ? null : view.assignee());
    result.setCandidateGroups(new ArrayList<>(view.candidateGroups()));
    result.setCandidateUsers(new ArrayList<>(view.candidateUsers()));
    result.setDueDate(view.dueDate());
    result.setFollowUpDate(view.followUpDate());
    result.setFormKey(view.formKey());
    result.setExternalFormReference(view.externalFormReference());
    result.setPriority(view.priority());
    result.setCreationDate(Json.dateTime(view.creationTimestamp()));
    result.setCompletionDate(Json.dateTimeOrNull(view.completionTimestamp()));
    result.setTenantId(view.tenantId());
    result.setCustomHeaders(new LinkedHashMap<>());
    result.setTags(new LinkedHashSet<>());
    return result;
  }
}
