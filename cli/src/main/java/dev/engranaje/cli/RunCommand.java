package dev.engranaje.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rpa run PROCESS_ID}: start a process instance. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Start an instance of the latest version of a deployed process.",
        "Exit codes: 0 started (or completed with --wait), 1 bad arguments, 2 refused, 3 engine unreachable,"
            + " 5 still running when --wait's timeout passed."})
final class RunCommand implements Callable<Integer> {
  static final String STILL_RUNNING = "The instance of '%s' did not complete within %s; it keeps running."
      + " Look at it with 'rpa instances --process %s', or wait longer with --timeout.";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "PROCESS_ID", description = "The BPMN process id.")
  String processId;

  @Mixin VariableArguments variables;

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
    Map<String, Object> vars = variables.collect();
    try (CamundaClient client = connection.newClient()) {
      var command = client.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().variables(vars);
      if (!await) {
        ProcessInstanceEvent event = command.send().join();
        out().printf("Started process instance %d of '%s' version %d%n", event.getProcessInstanceKey(),
            event.getBpmnProcessId(), event.getVersion());
        return 0;
      }
      ProcessInstanceResult result;
      try {
        result = command.withResult().requestTimeout(timeout).send().join();
      } catch (RuntimeException e) {
        if (isTimeout(e)) {
          throw new UserError(String.format(STILL_RUNNING, processId, timeout, processId), ExitCodes.TIMED_OUT);
        }
        throw e;
      }
      out().printf("Process instance %d of '%s' version %d completed with variables:%n%s%n",
          result.getProcessInstanceKey(), result.getBpmnProcessId(), result.getVersion(),
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result.getVariablesAsMap()));
      return 0;
    }
  }

  /** The engine's 504 (or 408), or the client giving up on the response first. */
  private static boolean isTimeout(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ProblemException problem && (problem.code() == 504 || problem.code() == 408)) {
        return true;
      }
      // java.util.concurrent.TimeoutException, or the HTTP client's own (SocketTimeout, DeadlineTimeout)
      if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
        return true;
      }
    }
    return false;
  }
}
