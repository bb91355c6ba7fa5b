package dev.engranaje.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One job a mock or worker of the kit answered: which job, for which element of which instance,
 * with the variables and custom headers it was activated with (job variables after input mappings).
 */
public record JobCall(long jobKey, String type, long processInstanceKey, String elementId, int retries,
    Map<String, Object> variables, Map<String, String> headers) {

  public JobCall {
    variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables)); // job variables may be null
    headers = Map.copyOf(headers);
  }
}
