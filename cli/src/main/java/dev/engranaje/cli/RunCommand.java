package dev.engranaje.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rpa run PROCESS_ID}: start a process instance. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Start an instance of the latest version of a deployed process.",
        "Exit codes: 0 started (or completed with --wait), 1 bad arguments, 2 refused, 3 engine unreachable."})
final class RunCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "PROCESS_ID", description = "The BPMN process id.")
  String processId;

  @Option(names = "--var", paramLabel = "NAME=VALUE",
      description = "A variable; VALUE is read as JSON when it parses (42, true, \"x\", {...}), else as text. Repeatable.")
  List<String> variables = List.of();

  @Option(names = "--vars-file", paramLabel = "FILE", description = "A JSON object file of variables (--var entries win).")
  Path variablesFile;

  @Option(names = "--wait", description = "Wait for the instance to complete and print its variables.")
  boolean await;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT1M",
      description = "How long --wait waits (ISO-8601, default: ${DEFAULT-VALUE}). The instance continues after it.")
  Duration timeout;

  @Mixin ConnectionOptions connection;

  @Spec CommandSpec spec;

  private java.io.PrintWriter out() {
    return spec.commandLine().getOut();
  }

  @Override
  public Integer call() throws JsonProcessingException {
    Map<String, Object> vars = collectVariables();
    try (CamundaClient client = connection.newClient()) {
      var command = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(vars);
      if (!await) {
        ProcessInstanceEvent event = command.send().join();
        out().printf("Started process instance %d of '%s' version %d%n", event.getProcessInstanceKey(),
            event.getBpmnProcessId(), event.getVersion());
        return 0;
      }
      ProcessInstanceResult result = command.withResult().requestTimeout(timeout).send().join();
      out().printf("Process instance %d of '%s' version %d completed with variables:%n%s%n",
          result.getProcessInstanceKey(), result.getBpmnProcessId(), result.getVersion(),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result.getVariablesAsMap()));
      return 0;
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> collectVariables() {
    Map<String, Object> vars = new LinkedHashMap<>();
    if (variablesFile != null) {
      try {
        Object parsed = JSON.readValue(Files.readString(variablesFile), Object.class);
        if (!(parsed instanceof Map<?, ?> map)) {
          throw new UserError("Expected " + variablesFile + " to hold a JSON object, but it holds " + describe(parsed));
        }
        vars.putAll((Map<String, Object>) map);
      } catch (IOException e) {
        throw new UserError("Could not read variables from " + variablesFile + ": " + e.getMessage());
      }
    }
    for (String entry : variables) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new UserError("Expected --var NAME=VALUE, but got '" + entry + "'");
      }
      vars.put(entry.substring(0, eq), parseValue(entry.substring(eq + 1)));
    }
    return vars;
  }

  private static Object parseValue(String text) {
    try {
      return JSON.readValue(text, Object.class);
    } catch (IOException notJson) {
      return text;
    }
  }

  private static String describe(Object value) {
    return value == null ? "null" : value instanceof List ? "an array" : "a " + value.getClass().getSimpleName();
  }
}
