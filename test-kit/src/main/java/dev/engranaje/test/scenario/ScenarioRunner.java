package dev.engranaje.test.scenario;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.test.JobMock;
import dev.engranaje.test.ProcessAssertions;
import dev.engranaje.test.ProcessInstance;
import dev.engranaje.test.ProcessInstanceAssert;
import dev.engranaje.test.ProcessTestEngine;
import dev.engranaje.test.scenario.ScenarioFile.Expectation;
import dev.engranaje.test.scenario.ScenarioFile.Scenario;
import dev.engranaje.test.scenario.ScenarioResult.Outcome;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Runs the scenarios of one file on a fresh embedded engine with automatic time skipping: deploys
 * the model, then for each scenario mocks the job types, starts an instance, plays the steps and
 * checks the expectations. A mistake in the file (bad YAML, an unknown key, a missing model, an answer
 * or step the runner does not know) makes the scenario BROKEN with a message naming the file and the
 * line (YAML syntax) or the key path (e.g. {@code scenarios[0].expect}).
 */
public final class ScenarioRunner {
  private static final String LOG_START = "\n\nRecord log";
  private static final List<String> STATES = List.of("completed", "terminated", "active");
  private final ObjectMapper json = new ObjectMapper();

  /** A mistake in a scenario file, as opposed to a process that does not do what it expects. */
  static final class BrokenScenario extends RuntimeException {
    BrokenScenario(String message) {
      super(message);
    }
  }

  public List<ScenarioResult> run(Path file) {
    long started = System.nanoTime();
    ScenarioFile scenarios;
    try {
      scenarios = read(file);
    } catch (BrokenScenario e) {
      return List.of(broken(file, file.getFileName().toString(), e.getMessage(), started));
    }
    Path model = model(file, scenarios);
    List<Path> resources = new ArrayList<>(List.of(model));
    scenarios.resources().forEach(resource -> resources.add(file.toAbsolutePath().getParent().resolve(resource).normalize()));
    for (Path resource : resources) {
      if (!Files.isRegularFile(resource)) {
        return List.of(broken(file, file.getFileName().toString(), file + ": expected the file " + resource
            + " to deploy, but it does not exist", started));
      }
    }
    try (ProcessTestEngine engine = ProcessTestEngine.start(true, startAt(file, scenarios))) {
      DeploymentEvent deployment;
      try {
        deployment = engine.deploy(resources.toArray(Path[]::new));
      } catch (ClientException e) {
        return List.of(broken(file, file.getFileName().toString(), file + ": the engine refused to deploy "
            + model.getFileName() + ": " + e.getMessage(), started));
      }
      List<ScenarioResult> results = new ArrayList<>();
      for (Scenario scenario : scenarios.scenarios()) {
        results.add(runOne(engine, deployment, file, scenario));
      }
      return results;
    } catch (BrokenScenario e) {
      return List.of(broken(file, file.getFileName().toString(), e.getMessage(), started));
    }
  }

  /**
   * Reads with {@link ScenarioYaml} (anchors and merges resolved, exact decimals), then binds with
   * Jackson, which names the offending key.
   */
  private ScenarioFile read(Path file) {
    Object tree;
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      tree = ScenarioYaml.loader().load(in);
    } catch (MarkedYAMLException e) {
      throw new BrokenScenario(file + ":" + (e.getProblemMark().getLine() + 1) + ":" + (e.getProblemMark().getColumn() + 1)
          + ": not valid YAML: " + e.getProblem());
    } catch (YAMLException | NumberFormatException | IOException e) {
      throw new BrokenScenario(file + ": could not read it as YAML: " + e.getMessage());
    }
    try {
      ScenarioFile read = json.convertValue(tree, ScenarioFile.class);
      if (read == null || read.scenarios() == null || read.scenarios().isEmpty()) {
        throw new BrokenScenario(file + ": expected a list 'scenarios' with at least one scenario, but there is none");
      }
      return read;
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonMappingException mapping) {
        throw new BrokenScenario(file + ": at " + path(mapping) + ": "
            + mapping.getOriginalMessage().lines().findFirst().orElse(""));
      }
      throw new BrokenScenario(file + ": " + e.getMessage());
    }
  }

  /** Where in the file a binding error is, as {@code scenarios[1].expect.state}. */
  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
      }
    }
    return path.length() == 0 ? "the top level" : path.toString();
  }

  private static Path model(Path file, ScenarioFile scenarios) {
    Path directory = file.toAbsolutePath().getParent();
    if (scenarios.process() != null) {
      return directory.resolve(scenarios.process()).normalize();
    }
    String name = file.getFileName().toString();
    String base = name.endsWith(".test.yaml") ? name.substring(0, name.length() - ".test.yaml".length())
        : name.replaceFirst("\\.ya?ml$", "");
    return directory.resolve(base + ".bpmn");
  }

  private static Instant startAt(Path file, ScenarioFile scenarios) {
    if (scenarios.startAt() == null) {
      return Instant.now();
    }
    try {
      return Instant.parse(scenarios.startAt());
    } catch (DateTimeParseException e) {
      throw new BrokenScenario(file + ": expected 'startAt' to be an ISO-8601 instant such as 2026-12-01T09:00:00Z,"
          + " but got '" + scenarios.startAt() + "'");
    }
  }

  private ScenarioResult runOne(ProcessTestEngine engine, DeploymentEvent deployment, Path file, Scenario scenario) {
    long started = System.nanoTime();
    String where = file + ", scenario '" + scenario.name() + "'";
    ProcessInstance instance = null;
    try {
      engine.reset();
      scenario.mocks().forEach((type, answers) -> mock(engine.mock(type), answers, where + ", mock '" + type + "'"));
      instance = engine.startInstance(processId(deployment, scenario, where), scenario.variables());
      for (int i = 0; i < scenario.steps().size(); i++) {
        step(engine, instance, scenario.steps().get(i), where + ", step " + (i + 1));
      }
      check(ProcessAssertions.assertThat(instance), scenario.expect(), where);
      return new ScenarioResult(file, scenario.name(), Outcome.PASSED, "", "", took(started));
    } catch (BrokenScenario e) {
      return new ScenarioResult(file, scenario.name(), Outcome.BROKEN, e.getMessage(), log(instance), took(started));
    } catch (AssertionError e) {
      String message = String.valueOf(e.getMessage());
      int log = message.indexOf(LOG_START);
      return new ScenarioResult(file, scenario.name(), Outcome.FAILED, log < 0 ? message : message.substring(0, log),
          log(instance), took(started));
    } catch (ClientException e) {
      return new ScenarioResult(file, scenario.name(), Outcome.FAILED, "The engine refused a command: " + e.getMessage(),
          log(instance), took(started));
    }
  }

  private static String log(ProcessInstance instance) {
    return instance == null ? "" : instance.recordLog();
  }

  private static String processId(DeploymentEvent deployment, Scenario scenario, String where) {
    List<String> ids = deployment.getProcesses().stream().map(Process::getBpmnProcessId).distinct().toList();
    if (scenario.processId() != null) {
      if (!ids.contains(scenario.processId())) {
        throw new BrokenScenario(where + ": expected 'processId' to name a deployed process " + ids + ", but got '"
            + scenario.processId() + "'");
      }
      return scenario.processId();
    }
    if (ids.size() != 1) {
      throw new BrokenScenario(where + ": the deployment holds the processes " + ids + "; name one with 'processId'");
    }
    return ids.get(0);
  }

  private static void mock(JobMock mock, Object answers, String where) {
    List<?> list = answers instanceof List<?> many ? many : List.of(answers == null ? Map.of() : answers);
    if (list.isEmpty()) {
      throw new BrokenScenario(where + ": expected at least one answer, but the list is empty");
    }
    for (Object answer : list) {
      Map<String, Object> entry = single(answer, List.of("complete", "throwError", "fail"), where);
      String kind = entry.keySet().iterator().next();
      Object value = entry.get(kind);
      switch (kind) {
        case "complete" -> mock.thenComplete(value == null ? Map.of() : map(value, where + ", complete"));
        case "throwError" -> {
          Map<String, Object> error = map(value, where + ", throwError");
          Object code = error.get("code");
          if (code == null) {
            throw new BrokenScenario(where + ": expected 'throwError' to have a 'code', but it has " + error.keySet());
          }
          mock.thenThrowBpmnError(code.toString(), String.valueOf(error.getOrDefault("message", "")),
              error.containsKey("variables") ? map(error.get("variables"), where + ", throwError.variables") : Map.of());
        }
        default -> mock.thenFail(String.valueOf(value));
      }
    }
  }

  private static void step(ProcessTestEngine engine, ProcessInstance instance, Map<String, Object> step, String where) {
    Map<String, Object> entry = single(step, List.of("publishMessage", "advance", "completeUserTask"), where);
    String kind = entry.keySet().iterator().next();
    Object value = entry.get(kind);
    switch (kind) {
      case "advance" -> {
        try {
          engine.advance(Duration.parse(String.valueOf(value)));
        } catch (DateTimeParseException e) {
          throw new BrokenScenario(where + ": expected 'advance' to be an ISO-8601 duration such as PT4H or P3D, but got '"
              + value + "'");
        }
      }
      case "publishMessage" -> {
        Map<String, Object> message = map(value, where + ", publishMessage");
        engine.publishMessage(required(message, "name", where), String.valueOf(message.getOrDefault("correlationKey", "")),
            message.containsKey("variables") ? map(message.get("variables"), where + ", variables") : Map.of());
      }
      default -> {
        Map<String, Object> task = map(value, where + ", completeUserTask");
        engine.completeUserTask(instance, required(task, "element", where),
            task.containsKey("variables") ? map(task.get("variables"), where + ", variables") : Map.of(),
            task.containsKey("user") ? String.valueOf(task.get("user")) : null);
      }
    }
  }

  private static void check(ProcessInstanceAssert instance, Expectation expect, String where) {
    if (expect.path() != null) {
      instance.hasPassedElementsInOrder(expect.path().toArray(String[]::new));
    }
    if (expect.incident() != null) {
      instance.hasIncident(expect.incident().type(), expect.incident().message() == null ? "" : expect.incident().message());
    }
    if (expect.messages() != null) {
      expect.messages().forEach(instance::hasCorrelatedMessage);
    }
    if (expect.state() != null) {
      switch (expect.state()) {
        case "completed" -> instance.isCompleted();
        case "terminated" -> instance.isTerminated();
        case "active" -> instance.isActive();
        default -> throw new BrokenScenario(where + ": expected 'state' to be one of " + STATES + ", but got '"
            + expect.state() + "'");
      }
    }
    if (expect.notPassed() != null) {
      instance.hasNotPassedElements(expect.notPassed().toArray(String[]::new));
    }
    if (expect.active() != null) {
      instance.hasActiveElements(expect.active().toArray(String[]::new));
    }
    if (expect.variables() != null) {
      instance.hasVariables(expect.variables());
    }
  }

  private static Map<String, Object> single(Object value, List<String> kinds, String where) {
    Map<String, Object> entry = map(value, where);
    if (entry.size() != 1 || !kinds.contains(entry.keySet().iterator().next())) {
      throw new BrokenScenario(where + ": expected exactly one of " + kinds + ", but got " + entry.keySet());
    }
    return entry;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new BrokenScenario(where + ": expected a mapping (key: value lines), but got " + describe(value));
    }
    return (Map<String, Object>) map;
  }

  private static String required(Map<String, Object> map, String key, String where) {
    Object value = map.get(key);
    if (value == null) {
      throw new BrokenScenario(where + ": expected '" + key + "', but it is missing (has " + map.keySet() + ")");
    }
    return value.toString();
  }

  private static String describe(Object value) {
    return value == null ? "nothing" : "'" + value + "'";
  }

  private static ScenarioResult broken(Path file, String name, String reason, long started) {
    return new ScenarioResult(file, name, Outcome.BROKEN, reason, "", took(started));
  }

  private static Duration took(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
