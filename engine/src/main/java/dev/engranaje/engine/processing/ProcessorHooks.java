package dev.engranaje.engine.processing;

import dev.engranaje.engine.gateway.ActivateJobs;
import dev.engranaje.engine.gateway.ActivatedJob;
import dev.engranaje.engine.gateway.CreatedProcessInstance;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Requests the processor holds open between batches: parked job activations (long polls) and
 * creations awaiting their instance's completion. These are transport state, not engine state:
 * they are not in the record log and do not survive a restart (clients retry).
 */
public final class ProcessorHooks {
  /**
   * A job activation request waiting for jobs; {@code expiresAtNanos} is on the monotonic clock.
   * {@code abandoned} turns true when the requester no longer waits (its client went away): such
   * a poll gets no jobs and is dropped.
   */
  public record ParkedPoll(ActivateJobs request, Reply<List<ActivatedJob>> reply, long expiresAtNanos,
      BooleanSupplier abandoned) {

    public ParkedPoll(ActivateJobs request, Reply<List<ActivatedJob>> reply, long expiresAtNanos) {
      this(request, reply, expiresAtNanos, () -> false);
    }

    /** Whether this poll no longer needs an answer: answered already, or its requester left. */
    public boolean isDone() {
      return reply.isAnswered() || abandoned.getAsBoolean();
    }
  }

  /** A creation with awaitCompletion, answered when the instance ends. */
  public record AwaitedInstance(CreatedProcessInstance created, List<String> fetchVariables, Reply<CreatedProcessInstance> reply,
      long expiresAtNanos) {}

  private final Map<String, ArrayDeque<ParkedPoll>> parkedPolls = new HashMap<>();
  private final Map<Long, AwaitedInstance> awaited = new HashMap<>();
  private final Set<String> typesWithNewJobs = new LinkedHashSet<>();
  private final Quarantine quarantine;

  public ProcessorHooks(Quarantine quarantine) {
    this.quarantine = quarantine;
  }

  /** The processor's current work and the work quarantined in this run. */
  public Quarantine quarantine() {
    return quarantine;
  }

  public void jobsAvailable(String type) {
    if (parkedPolls.containsKey(type)) {
      typesWithNewJobs.add(type);
    }
  }

  /** Types that got activatable jobs since the last call, and have parked polls. */
  public List<String> takeTypesWithNewJobs() {
    List<String> types = new ArrayList<>(typesWithNewJobs);
    typesWithNewJobs.clear();
    return types;
  }

  public void park(ParkedPoll poll) {
    parkedPolls.computeIfAbsent(poll.request().type(), t -> new ArrayDeque<>()).add(poll);
  }

  public ArrayDeque<ParkedPoll> parked(String type) {
    return parkedPolls.get(type);
  }

  public void removeIfEmpty(String type) {
    ArrayDeque<ParkedPoll> polls = parkedPolls.get(type);
    if (polls != null && polls.isEmpty()) {
      parkedPolls.remove(type);
    }
  }

  /** Answers parked polls whose request timeout passed with no jobs, as the protocol expects. */
  public void expirePolls(long nowNanos) {
    Iterator<Map.Entry<String, ArrayDeque<ParkedPoll>>> types = parkedPolls.entrySet().iterator();
    while (types.hasNext()) {
      ArrayDeque<ParkedPoll> polls = types.next().getValue();
      polls.removeIf(poll -> {
        if (poll.isDone()) {
          poll.reply().complete(List.of());
          return true;
        }
        if (poll.expiresAtNanos() - nowNanos <= 0) {
          poll.reply().complete(List.of());
          return true;
        }
        return false;
      });
      if (polls.isEmpty()) {
        types.remove();
      }
    }
  }

  /** Drops parked polls whose requester went away, so that none holds anything for a gone client. */
  public void dropAbandoned() {
    Iterator<Map.Entry<String, ArrayDeque<ParkedPoll>>> types = parkedPolls.entrySet().iterator();
    while (types.hasNext()) {
      ArrayDeque<ParkedPoll> polls = types.next().getValue();
      polls.removeIf(poll -> {
        if (poll.abandoned().getAsBoolean()) {
          poll.reply().complete(List.of());
          return true;
        }
        return false;
      });
      if (polls.isEmpty()) {
        types.remove();
      }
    }
  }

  /** Parked polls, all types (for tests and diagnostics). */
  public int parkedCount() {
    return parkedPolls.values().stream().mapToInt(ArrayDeque::size).sum();
  }

  public void await(AwaitedInstance awaitedInstance) {
    awaited.put(awaitedInstance.created().processInstanceKey(), awaitedInstance);
  }

  public AwaitedInstance takeAwaited(long processInstanceKey) {
    return awaited.remove(processInstanceKey);
  }

  public void expireAwaited(long nowNanos) {
    awaited.values().removeIf(a -> {
      if (a.expiresAtNanos() - nowNanos <= 0) {
        a.reply().reject(new Rejection(RejectionType.TIMEOUT, "Expected process instance '"
            + a.created().processInstanceKey() + "' to complete within the request timeout, but it is still running;"
            + " it continues, and a new request would create another instance"));
        return true;
      }
      return false;
    });
  }

  public long nextExpiryNanos() {
    long next = Long.MAX_VALUE;
    for (ArrayDeque<ParkedPoll> polls : parkedPolls.values()) {
      for (ParkedPoll poll : polls) {
        next = Math.min(next, poll.expiresAtNanos());
      }
    }
    for (AwaitedInstance a : awaited.values()) {
      next = Math.min(next, a.expiresAtNanos());
    }
    return next;
  }

  public void failAll(RuntimeException cause) {
    for (ArrayDeque<ParkedPoll> polls : parkedPolls.values()) {
      polls.forEach(p -> p.reply().failNow(cause));
    }
    parkedPolls.clear();
    awaited.values().forEach(a -> a.reply().failNow(cause));
    awaited.clear();
  }
}
