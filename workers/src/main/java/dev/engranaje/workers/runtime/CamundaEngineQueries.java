package dev.engranaje.workers.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.EngineQueries;
import dev.engranaje.workers.api.TechnicalFailure;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@link EngineQueries} over the official client: the user task search and the decision evaluation endpoints. */
final class CamundaEngineQueries implements EngineQueries {
  static final String SEARCH_FAILED =
      "Expected the engine to answer the search for completed user task '%s' of instance %d, but it failed: %s";
  static final String EVALUATION_FAILED = "Expected the engine to evaluate decision '%s', but it failed: %s";

  private final CamundaClient client;
  private final ObjectMapper json;

  CamundaEngineQueries(CamundaClient client, ObjectMapper json) {
    this.client = Objects.requireNonNull(client, "client");
    this.json = json;
  }

  @Override
  public Optional<CompletedUserTask> lastCompletedUserTask(long processInstanceKey, String elementId)
      throws TechnicalFailure {
    List<UserTask> tasks;
    try {
      tasks = client.newUserTaskSearchRequest()
          .filter(f -> f.processInstanceKey(processInstanceKey).elementId(elementId).state(UserTaskState.COMPLETED))
          .send().join().items();
    } catch (RuntimeException e) {
      throw TechnicalFailure.retryable(SEARCH_FAILED.formatted(elementId, processInstanceKey, e.getMessage()), e);
    }
    return tasks.stream()
        .filter(t -> elementId.equals(t.getElementId()) && t.getState() == UserTaskState.COMPLETED)
        .max(Comparator.comparing(UserTask::getCompletionDate, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(UserTask::getUserTaskKey))
        .map(t -> new CompletedUserTask(t.getUserTaskKey(), t.getElementId(),
            t.getAssignee() == null || t.getAssignee().isBlank() ? null : t.getAssignee(), t.getCompletionDate()));
  }

  @Override
  public Object evaluateDecision(String decisionId, Map<String, Object> variables) throws TechnicalFailure {
    EvaluateDecisionResponse response;
    try {
      response = client.newEvaluateDecisionCommand().decisionId(decisionId).variables(variables).send().join();
    } catch (RuntimeException e) {
      throw TechnicalFailure.permanent(EVALUATION_FAILED.formatted(decisionId, e.getMessage()), e);
    }
    if (response.getFailureMessage() != null && !response.getFailureMessage().isBlank()) {
      throw TechnicalFailure.permanent(EVALUATION_FAILED.formatted(decisionId, response.getFailureMessage()));
    }
    try {
      return response.getDecisionOutput() == null ? null : json.readValue(response.getDecisionOutput(), Object.class);
    } catch (IOException e) {
      throw TechnicalFailure.permanent(EVALUATION_FAILED.formatted(decisionId,
          "its output is not JSON: " + e.getMessage()), e);
    }
  }
}
