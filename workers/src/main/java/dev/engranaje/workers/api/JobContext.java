package dev.engranaje.workers.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.ledger.IdempotencyLedger;
import dev.engranaje.workers.ledger.LedgerEntry;
import dev.engranaje.workers.ledger.SideEffectInDoubt;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.workspace.Workspace;
import java.time.Clock;
import java.util.Optional;

/**
 * Everything a worker may use while handling one job: the job's identity, the instance's file
 * workspace, secret resolution, the idempotency ledger for side effects, the clock and the few
 * read-only {@linkplain EngineQueries questions to the engine} a control needs.
 *
 * <p>Immutable; one per job.
 */
public record JobContext(
    JobInfo job, Workspace workspace, SecretResolver secrets, IdempotencyLedger ledger, ObjectMapper json, Clock clock,
    EngineQueries engine) {

  /** A context without an engine connection: {@link #engine()} answers every question with a permanent failure. */
  public JobContext(
      JobInfo job, Workspace workspace, SecretResolver secrets, IdempotencyLedger ledger, ObjectMapper json, Clock clock) {
    this(job, workspace, secrets, ledger, json, clock, EngineQueries.NONE);
  }

  static final String IN_DOUBT =
      "Expected side effect '%s' to be recorded as done or not started, but it was started at %s and"
          + " never recorded as done: it may have happened. Check it, then run"
          + " 'rpa worker ledger forget %s' and retry the job to act again (raise its retries, then resolve the"
          + " incident); if it did happen, do not retry: keep the entry and settle the instance by hand";

  /** The default idempotency key: the job type and job key, stable across redeliveries of a job. */
  public String idempotencyKey() {
    return job.jobType() + ":" + job.jobKey();
  }

  /**
   * Runs {@code action} at most once for {@code key}: a later call with the same key (a redelivered
   * job after a crash or timeout) returns the recorded result instead of acting again. If an earlier
   * attempt started but never recorded its result, the effect is in doubt and this fails permanently
   * (an incident for an operator), never repeating the effect blindly.
   */
  public <T> T once(String key, Class<T> resultType, SideEffect<T> action) throws Exception {
    Optional<LedgerEntry> recorded = ledger.find(key);
    if (recorded.isPresent()) {
      LedgerEntry entry = recorded.get();
      if (entry.state() == LedgerEntry.State.DONE) {
        return entry.resultJson() == null ? null : json.readValue(entry.resultJson(), resultType);
      }
      throw TechnicalFailure.permanent(String.format(IN_DOUBT, key, entry.startedAt(), key));
    }
    ledger.start(key, job.jobType(), job.jobKey());
    T result;
    try {
      result = action.perform();
    } catch (SideEffectInDoubt inDoubt) {
      throw TechnicalFailure.permanent(
          String.format(IN_DOUBT, key, clock.instant(), key) + " (" + inDoubt.getMessage() + ")", inDoubt);
    } catch (Exception certainlyNotDone) {
      ledger.forget(key);
      throw certainlyNotDone;
    }
    ledger.done(key, toJson(result));
    return result;
  }

  private String toJson(Object result) throws JsonProcessingException {
    return result == null ? null : json.writeValueAsString(result);
  }
}
