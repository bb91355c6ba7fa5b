package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.AuditEntry;
import dev.engranaje.engine.gateway.EngineGateway;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Records operator actions in the operations audit log: who (the authenticated user, or {@value
 * AuditEntry#ANONYMOUS} on an open API), what, on which entity, and how it ended. The answer to the
 * request waits until the entry is stored, so a search right after sees it; a failure to record it
 * does not change the answer. Every route that changes instances, jobs, variables or deployments
 * on an operator's behalf goes through {@link #record}; modification and migration routes do the
 * same with {@code MODIFY} and {@code MIGRATE}. Thread-safe.
 */
final class OperatorAudit {
  private final EngineGateway gateway;

  OperatorAudit(EngineGateway gateway) {
    this.gateway = gateway;
  }

  /** Who made the request, as the audit log names them. */
  static String actor(RestRequest request) {
    String user = request.identity() == null ? null : request.identity().user();
    return user == null ? AuditEntry.ANONYMOUS : user;
  }

  /**
   * Completes as {@code action} does, once its outcome is recorded.
   *
   * @param operationType the client's audit operation type: CREATE, CANCEL, RESOLVE, UPDATE, DELETE,
   *     SUSPEND, RESUME, MODIFY, MIGRATE
   * @param entityType the client's audit entity type: PROCESS_INSTANCE, INCIDENT, JOB, VARIABLE,
   *     RESOURCE, BATCH
   * @param entityKey the entity acted on, or -1 when only the outcome names it (see {@code keyOf})
   * @param outcome describes a success (and may name the entity's key); never null
   */
  <T> CompletionStage<T> record(RestRequest request, String operationType, String entityType, long entityKey,
      CompletionStage<T> action, Function<T, Described> outcome) {
    String actor = actor(request);
    return action.handle((value, failure) -> {
      AuditEntry entry;
      if (failure == null) {
        Described described = outcome.apply(value);
        entry = AuditEntry.of(operationType, entityType, described.key() >= 0 ? described.key() : entityKey, actor,
            true, described.text());
      } else {
        entry = AuditEntry.of(operationType, entityType, entityKey, actor, false, cause(failure).getMessage());
      }
      if (entityType.equals("PROCESS_INSTANCE")) {
        entry = entry.withProcessInstance(entry.entityKey());
      }
      return gateway.recordAudit(entry).handle((ignored, auditFailure) -> null)
          .thenCompose(ignored -> failure == null ? CompletableFuture.completedFuture(value)
              : CompletableFuture.<T>failedFuture(cause(failure)));
    }).thenCompose(Function.identity());
  }

  /** As {@link #record} with a fixed description of success. */
  <T> CompletionStage<T> record(RestRequest request, String operationType, String entityType, long entityKey,
      CompletionStage<T> action, String success) {
    return record(request, operationType, entityType, entityKey, action, value -> new Described(-1, success));
  }

  /** A success's description, and the entity's key when only the outcome knows it (else -1). */
  record Described(long key, String text) {}

  private static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
