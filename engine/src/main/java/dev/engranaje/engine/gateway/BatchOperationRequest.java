package dev.engranaje.engine.gateway;

import java.util.List;

/**
 * Starts a batch operation over the process instances a filter matched.
 *
 * @param type {@code RESOLVE_INCIDENT} (every open incident of the instances) or {@code
 *     CANCEL_PROCESS_INSTANCE} (the instances that are still active root instances)
 * @param actorId who asked for it ("anonymous" on an open API)
 * @param processInstanceKeys the instances the filter matched, never null
 */
public record BatchOperationRequest(String type, String actorId, List<Long> processInstanceKeys) {
  public static final String RESOLVE_INCIDENT = "RESOLVE_INCIDENT";
  public static final String CANCEL_PROCESS_INSTANCE = "CANCEL_PROCESS_INSTANCE";

  public BatchOperationRequest {
    processInstanceKeys = List.copyOf(processInstanceKeys);
  }
}
