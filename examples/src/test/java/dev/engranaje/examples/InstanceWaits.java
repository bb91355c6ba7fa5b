package dev.engranaje.examples;

import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.ProcessInstanceRecord;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.testkit.TestEngine;
import dev.engranaje.engine.time.ControlledClock;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits on a process instance of the test engine through the official client, for the scenario
 * tests: each wait polls generously and returns as soon as its condition holds, and fails early,
 * naming the incident or the elements completed so far, when the instance gets stuck or ends. None
 * asserts on time.
 */
public final class InstanceWaits {
  /** Generous for a loaded 2-core machine; waits return as soon as their condition holds. */
  public static final Duration WAIT = Duration.ofSeconds(90);

  private final TestEngine engine;

  public InstanceWaits(TestEngine engine) {
    this.engine = engine;
  }

  /** Moves {@code clock} on with real time, in small steps, until the returned executor is shut down. */
  public static ScheduledExecutorService flowing(ControlledClock clock) {
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "engine-clock");
      thread.setDaemon(true);
      return thread;
    });
    long[] last = {System.nanoTime()};
    ticker.scheduleAtFixedRate(() -> {
      long now = System.nanoTime();
      long millis = (now - last[0]) / 1_000_000;
      if (millis > 0) {
        clock.advance(Duration.ofMillis(millis));
        last[0] += millis * 1_000_000;
      }
    }, 20, 20, TimeUnit.MILLISECONDS);
    return ticker;
  }

  private CamundaClient client() {
    return engine.client();
  }

  /** Waits for an open user task of the instance that {@code which} accepts. */
  public UserTask awaitUserTask(long instance, String what, Predicate<UserTask> which) {
    return awaitValue(what + " of instance " + instance, instance, () -> client().newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(instance)).send().join().items().stream()
        .filter(t -> t.getState() == UserTaskState.CREATED).filter(which).findFirst(), false);
  }

  /** Waits until the instance is no longer active. */
  public ProcessInstanceState awaitEnd(long instance) {
    awaitValue("the end of instance " + instance, instance, () -> {
      ProcessInstanceState state = client().newProcessInstanceGetRequest(instance).send().join().getState();
      return state == ProcessInstanceState.ACTIVE ? Optional.empty() : Optional.of(state);
    }, true);
    return client().newProcessInstanceGetRequest(instance).send().join().getState();
  }

  /** Waits until the instance completed the element {@code elementId}. */
  public void awaitElement(long instance, String elementId) {
    awaitValue("element '" + elementId + "' of instance " + instance + " completed", instance,
        () -> elementsCompleted(instance).contains(elementId) ? Optional.of(true) : Optional.empty(), true);
  }

  /** Waits until the instance has an active incident, and returns it. */
  public Incident awaitIncident(long instance, Runnable whileWaiting) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<Incident> incidents = activeIncidents(instance);
      if (!incidents.isEmpty()) {
        return incidents.get(0);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + WAIT + " waiting for an incident of instance " + instance);
      }
      whileWaiting.run();
      pause();
    }
  }

  public List<Incident> activeIncidents(long instance) {
    return client().newIncidentSearchRequest().filter(f -> f.processInstanceKey(instance)).send().join().items().stream()
        .filter(i -> i.getState() == IncidentState.ACTIVE).toList();
  }

  /**
   * Waits until {@code probe} gives a value. Unless {@code ended} is allowed, fails as soon as the
   * instance ends; always fails on an incident.
   */
  public <T> T awaitValue(String what, long instance, Supplier<Optional<T>> probe, boolean ended) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Optional<T> value = probe.get();
      if (value.isPresent()) {
        return value.get();
      }
      if (!ended && client().newProcessInstanceGetRequest(instance).send().join().getState() != ProcessInstanceState.ACTIVE) {
        throw new AssertionError("Expected " + what + ", but the instance ended; elements completed: "
            + elementsCompleted(instance));
      }
      List<Incident> incidents = activeIncidents(instance);
      if (!incidents.isEmpty()) {
        Incident incident = incidents.get(0);
        throw new AssertionError("Expected " + what + ", but the instance has an incident at '" + incident.getElementId()
            + "': " + incident.getErrorMessage());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + WAIT + " waiting for " + what + "; elements so far: "
            + elementsCompleted(instance));
      }
      pause();
    }
  }

  /** Waits for a condition that involves no instance (mails, files). */
  public static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + WAIT + " waiting until " + what);
      }
      pause();
    }
  }

  /** The ids of the elements the instance completed, in log order (from the record log). */
  public List<String> elementsCompleted(long instance) {
    return elementEvents(instance, ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  public List<String> elementEvents(long instance, ProcessInstanceIntent intent) {
    List<String> ids = new ArrayList<>();
    for (Record record : engine.elementEvents(instance)) {
      if (record.intent() == intent) {
        ids.add(((ProcessInstanceRecord) record.value()).elementId());
      }
    }
    return ids;
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
