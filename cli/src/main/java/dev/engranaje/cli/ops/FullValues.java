package dev.engranaje.cli.ops;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Variable;
import java.util.List;

/**
 * Camunda cuts long variable values in search results (and says so with {@code isTruncated}); this
 * fetches each cut one whole by its key, for {@code --full}. Values that were not cut are kept.
 */
final class FullValues {
  private FullValues() {}

  static List<Variable> of(CamundaClient client, List<Variable> variables) {
    return variables.stream()
        .map(variable -> Boolean.TRUE.equals(variable.isTruncated())
            ? client.newVariableGetRequest(variable.getVariableKey()).send().join()
            : variable)
        .toList();
  }
}
