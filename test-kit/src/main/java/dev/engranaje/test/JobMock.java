package dev.engranaje.test;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A mocked job worker for one job type: answers each job with the next configured answer (the last
 * one repeats) and records every call. Create with {@link ProcessTestEngine#mock(String)}.
 *
 * <pre>{@code
 * engine.mock("rpa:mail.send:1").thenComplete(Map.of("messageId", "m-1"));
 * engine.mock("rpa:finance.parse-statement:1").thenFail("portal down").thenComplete(Map.of());
 * }</pre>
 *
 * Thread-safe; the kit answers jobs on the test thread while it waits for the engine to be idle.
 */
public final class JobMock {
  private final String type;
  private final List<Answer> answers = new ArrayList<>();
  private final List<JobCall> calls = new ArrayList<>();

  /** What a mock does with a job. */
  private sealed interface Answer {}

  private record Complete(Function<JobCall, Map<String, Object>> variables) implements Answer {}

  private record ThrowError(String code, String message, Map<String, Object> variables) implements Answer {}

  private record Fail(String message) implements Answer {}

  JobMock(String type) {
    this.type = type;
  }

  public String type() {
    return type;
  }

  /** Completes the job with these variables. */
  public synchronized JobMock thenComplete(Map<String, Object> variables) {
    Map<String, Object> copy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    answers.add(new Complete(call -> copy));
    return this;
  }

  /** Completes the job without variables. */
  public JobMock thenComplete() {
    return thenComplete(Map.of());
  }

  /** Completes the job with variables computed from the call (e.g. echoing an input). */
  public synchronized JobMock thenComplete(Function<JobCall, Map<String, Object>> variables) {
    answers.add(new Complete(Objects.requireNonNull(variables, "variables")));
    return this;
  }

  /** Throws a BPMN error with this code (caught by an error event with the code, or an incident). */
  public JobMock thenThrowBpmnError(String code) {
    return thenThrowBpmnError(code, "", Map.of());
  }

  public JobMock thenThrowBpmnError(String code, String message) {
    return thenThrowBpmnError(code, message, Map.of());
  }

  /** Throws a BPMN error with this code and message, setting variables on the error's scope. */
  public synchronized JobMock thenThrowBpmnError(String code, String message, Map<String, Object> variables) {
    answers.add(new ThrowError(Objects.requireNonNull(code, "code"), message,
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables))));
    return this;
  }

  /**
   * Fails the job as a worker with a technical error does: one retry fewer, no backoff. The engine
   * offers the job again while retries are left (answered with the next answer), and raises an
   * incident with this message once none are.
   */
  public synchronized JobMock thenFail(String message) {
    answers.add(new Fail(Objects.requireNonNull(message, "message")));
    return this;
  }

  /** Every job answered so far, oldest first. */
  public synchronized List<JobCall> calls() {
    return List.copyOf(calls);
  }

  public synchronized int callCount() {
    return calls.size();
  }

  /** The last job answered; fails when none was. */
  public synchronized JobCall lastCall() {
    if (calls.isEmpty()) {
      throw new AssertionError("Expected a job of type '" + type + "' to have been answered by its mock, but none was");
    }
    return calls.get(calls.size() - 1);
  }

  /** Answers one activated job through the client, as a worker would. */
  void answer(JobClient client, ActivatedJob job, JobCall call) {
    Answer answer;
    synchronized (this) {
      if (answers.isEmpty()) {
        throw new IllegalStateException("The mock for job type '" + type + "' has no answer: call thenComplete, "
            + "thenThrowBpmnError or thenFail on it");
      }
      answer = answers.get(Math.min(calls.size(), answers.size() - 1));
      calls.add(call);
    }
    if (answer instanceof Complete complete) {
      client.newCompleteCommand(job.getKey()).variables(complete.variables().apply(call)).send().join();
    } else if (answer instanceof ThrowError error) {
      client.newThrowErrorCommand(job.getKey()).errorCode(error.code()).errorMessage(error.message())
          .variables(error.variables()).send().join();
    } else if (answer instanceof Fail fail) {
      client.newFailCommand(job.getKey()).retries(Math.max(0, job.getRetries() - 1)).errorMessage(fail.message())
          .send().join();
    }
  }
}
