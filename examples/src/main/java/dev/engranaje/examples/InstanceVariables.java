package dev.engranaje.examples;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.Variable;
import java.util.LinkedHashMap;
import java.util.Map;

/** The variables of one scope (a process instance, or a user task's element instance), read through the official client. */
public final class InstanceVariables {
  private InstanceVariables() {}

  /** Name to value (JSON as maps, lists, strings, numbers, booleans); a truncated value is fetched whole. */
  public static Map<String, Object> of(CamundaClient client, long scopeKey) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Variable variable : client.newVariableSearchRequest().filter(f -> f.scopeKey(scopeKey)).send().join().items()) {
      String json = variable.getValue();
      if (Boolean.TRUE.equals(variable.isTruncated())) {
        json = client.newVariableGetRequest(variable.getVariableKey()).send().join().getValue();
      }
      values.put(variable.getName(), client.getConfiguration().getJsonMapper().fromJson(json, Object.class));
    }
    return values;
  }
}
