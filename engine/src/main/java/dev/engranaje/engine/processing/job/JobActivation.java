package dev.engranaje.engine.processing.job;

import dev.engranaje.engine.gateway.ActivateJobs;
import dev.engranaje.engine.gateway.ActivatedJob;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.ProcessorHooks;
import dev.engranaje.engine.processing.ProcessorHooks.ParkedPoll;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.Reply;
import dev.engranaje.engine.processing.bpmn.behavior.VariableBehavior;
import dev.engranaje.engine.record.JobBatchIntent;
import dev.engranaje.engine.record.JobBatchRecord;
import dev.engranaje.engine.record.JobRecord;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.Job;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Hands activatable jobs to workers, oldest first, with the variables visible from each task's
 * scope. A request that finds none is parked and answered as soon as a job of its type appears or
 * its request timeout passes.
 */
public final class JobActivation {
  private final EngineState state;
  private final RecordWriter writer;
  private final VariableBehavior variables;
  private final ProcessorHooks hooks;
  private final Clock clock;

  public JobActivation(EngineState state, RecordWriter writer, VariableBehavior variables, ProcessorHooks hooks, Clock clock) {
    this.state = state;
    this.writer = writer;
    this.variables = variables;
    this.hooks = hooks;
    this.clock = clock;
  }

  public void activate(ActivateJobs request, Reply<List<ActivatedJob>> reply) {
    activate(request, reply, () -> false);
  }

  /**
   * Activates jobs for {@code request}, or parks it; {@code abandoned} tells whether the requester
   * still waits, so that no job is activated into a request nobody will read.
   */
  public void activate(ActivateJobs request, Reply<List<ActivatedJob>> reply, BooleanSupplier abandoned) {
    if (request.type() == null || request.type().isBlank()) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected a job type to activate, but none was given");
    }
    if (request.maxJobs() < 1) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT,
          "Expected to activate at least one job, but maxJobsToActivate is " + request.maxJobs());
    }
    if (request.timeoutMillis() < 1) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT,
          "Expected a job timeout greater than zero, but got " + request.timeoutMillis());
    }
    if (abandoned.getAsBoolean()) {
      reply.complete(List.of());
      return;
    }
    List<ActivatedJob> jobs = activateNow(request);
    if (!jobs.isEmpty() || request.requestTimeoutMillis() <= 0) {
      reply.complete(jobs);
      return;
    }
    hooks.park(new ParkedPoll(request, reply,
        System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(request.requestTimeoutMillis()), abandoned));
  }

  /** Serves parked requests of the types that got new jobs. */
  public void serveParked() {
    for (String type : hooks.takeTypesWithNewJobs()) {
      ArrayDeque<ParkedPoll> polls = hooks.parked(type);
      while (polls != null && !polls.isEmpty() && !state.jobs().activatable(type).isEmpty()) {
        ParkedPoll poll = polls.poll();
        if (poll.isDone()) {
          poll.reply().complete(List.of());
          continue;
        }
        poll.reply().complete(activateNow(poll.request()));
      }
      hooks.removeIfEmpty(type);
    }
  }

  /** Drops parked requests whose requester went away (see {@link ProcessorHooks#dropAbandoned}). */
  public void dropAbandoned() {
    hooks.dropAbandoned();
  }

  private List<ActivatedJob> activateNow(ActivateJobs request) {
    List<Long> keys = new ArrayList<>();
    Iterator<Long> activatable = state.jobs().activatable(request.type()).iterator();
    while (activatable.hasNext() && keys.size() < request.maxJobs()) {
      keys.add(activatable.next());
    }
    if (keys.isEmpty()) {
      return List.of();
    }
    long deadline = clock.millis() + request.timeoutMillis();
    String worker = request.worker() == null ? "" : request.worker();
    writer.event(state.keys().next(), JobBatchIntent.ACTIVATED,
        new JobBatchRecord(request.type(), worker, request.timeoutMillis(), deadline, keys));
    List<ActivatedJob> activated = new ArrayList<>(keys.size());
    for (long key : keys) {
      Job job = state.jobs().get(key);
      JobRecord r = job.record();
      String vars = JsonDocuments.object(variables.visibleJson(r.elementInstanceKey(), request.fetchVariables()));
      activated.add(new ActivatedJob(key, r.type(), r.processInstanceKey(), r.bpmnProcessId(), r.processDefinitionVersion(),
          r.processDefinitionKey(), r.elementId(), r.elementInstanceKey(), r.customHeaders(), worker, r.retries(),
          deadline, vars, r.tenantId()));
    }
    return activated;
  }
}
