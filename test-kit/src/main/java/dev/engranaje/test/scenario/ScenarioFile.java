package dev.engranaje.test.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One {@code *.test.yaml} file: the model it tests and its scenarios.
 *
 * @param process the model file, relative to this file; default: the {@code .bpmn} next to it with
 *     the same base name ({@code invoice.test.yaml} tests {@code invoice.bpmn})
 * @param resources further files to deploy with it (forms, called processes), relative to this file
 * @param startAt where the engine clock starts (ISO-8601 instant); default the current time
 * @param scenarios the scenarios, run in order on one engine, each from a clean start
 */
public record ScenarioFile(String process, List<String> resources, String startAt,
    @JsonProperty(required = true) List<Scenario> scenarios) {

  public ScenarioFile {
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /**
   * One scenario.
   *
   * @param name what it shows, printed with its result
   * @param processId the process to start; default the model's only executable process
   * @param variables the start variables
   * @param mocks answers by job type: one answer or a list used in turn (the last repeats); an answer
   *     is {@code complete: {variables}}, {@code throwError: {code, message, variables}} or {@code fail: message}
   * @param steps what happens after the start, in order: {@code publishMessage: {name, correlationKey,
   *     variables}}, {@code advance: PT4H}, {@code completeUserTask: {element, user, variables}}
   * @param expect what must come out
   */
  public record Scenario(@JsonProperty(required = true) String name, String processId, Map<String, Object> variables,
      Map<String, Object> mocks, List<Map<String, Object>> steps, Expectation expect) {

    public Scenario {
      variables = variables == null ? Map.of() : variables;
      mocks = mocks == null ? Map.of() : mocks;
      steps = steps == null ? List.of() : steps;
      expect = expect == null ? new Expectation(null, null, null, null, null, null, null) : expect;
    }
  }

  /**
   * What a scenario expects; every part is optional.
   *
   * @param state {@code completed}, {@code terminated} or {@code active}
   * @param path element ids the instance passed, in this order (others may come between)
   * @param notPassed element ids it must not have passed
   * @param active element ids active at the end
   * @param variables process variables and their values (numbers compare by value)
   * @param incident an incident that must be active: {@code {type, message}} (message: a part of it)
   * @param messages names of messages that must have been correlated to the instance
   */
  public record Expectation(String state, List<String> path, List<String> notPassed, List<String> active,
      Map<String, Object> variables, IncidentExpectation incident, List<String> messages) {}

  /** An expected incident: its type (e.g. JOB_NO_RETRIES) and a part of its message. */
  public record IncidentExpectation(@JsonProperty(required = true) String type, String message) {}
}
