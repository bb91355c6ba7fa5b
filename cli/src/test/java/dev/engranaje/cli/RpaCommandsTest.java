package dev.engranaje.cli;

import static dev.engranaje.cli.RpaRun.rpa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.cli.RpaRun.Result;
import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a user types it, against an embedded engine reached only over its REST address. */
class RpaCommandsTest {
  private static Engine engine;
  private static String address;

  @BeforeAll
  static void startEngine() {
    engine = Engine.start(EngineOptions.builder().inMemory().port(0).build());
    address = engine.restAddress().toString();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void shouldDeployRunAndPrintVariablesWhenWaitingForCompletion() throws Exception {
    // given
    Result deployed = rpa("deploy", resource("greeting.bpmn").toString(), "--address", address);

    // when
    Result run = rpa("run", "greeting", "--var", "name=\"Ada\"", "--var", "attempt=2", "--wait", "--address", address);

    // then
    assertThat(deployed.exitCode()).isZero();
    assertThat(deployed.out()).contains("Deployed process 'greeting' version 1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("completed with variables", "\"greeting\" : \"Hello, Ada\"", "\"attempt\" : 2");
  }

  @Test
  void shouldReadVariablesFromAFileWithCommandLineEntriesWinning(@TempDir Path dir) throws Exception {
    // given
    rpa("deploy", resource("greeting.bpmn").toString(), "--address", address);
    Path vars = Files.writeString(dir.resolve("vars.json"), "{\"name\": \"Grace\", \"team\": \"ops\"}");

    // when
    Result run = rpa("run", "greeting", "--vars-file", vars.toString(), "--var", "name=Linus", "--wait", "--address", address);

    // then
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("\"greeting\" : \"Hello, Linus\"", "\"team\" : \"ops\"");
  }

  @Test
  void shouldExitWithTwoAndNameTheElementsWhenTheModelIsInvalid() throws Exception {
    // when
    Result result = rpa("deploy", resource("invalid-order.bpmn").toString(), "--address", address);

    // then
    assertThat(result.exitCode()).isEqualTo(FriendlyErrors.REFUSED);
    assertThat(result.err()).contains("HTTP 400", "invalid-order.bpmn", "element 'upload'", "'zeebe:taskDefinition'",
        "element 'approve'", "'complexGateway'");
    assertThat(rpa("run", "invalid-order", "--address", address).exitCode()).isEqualTo(FriendlyErrors.REFUSED);
  }

  @Test
  void shouldExitWithThreeAndSayHowToStartAnEngineWhenNoneAnswers() throws IOException {
    // given a port nobody listens on
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    // when
    Result result = rpa("run", "greeting", "--address", "http://127.0.0.1:" + port);

    // then
    assertThat(result.exitCode()).isEqualTo(FriendlyErrors.UNREACHABLE);
    assertThat(result.err()).contains("Could not reach the engine", "rpa engine start");
  }

  @Test
  void shouldExitWithOneWhenAFileIsMissingOrAVariableIsMalformed() {
    assertThat(rpa("deploy", "/no/such/file.bpmn", "--address", address).err()).contains("No such file: /no/such/file.bpmn");
    Result badVar = rpa("run", "greeting", "--var", "novalue", "--address", address);
    assertThat(badVar.exitCode()).isEqualTo(1);
    assertThat(badVar.err()).contains("Expected --var NAME=VALUE, but got 'novalue'");
  }

  @Test
  void shouldSayTheInstanceKeepsRunningWhenWaitingTimesOut() throws Exception {
    // given a process that stops at a user task
    rpa("deploy", RpaRun.resource("/ops/ops-order.bpmn").toString(), "--address", address);

    // when
    Result run = rpa("run", "ops-order", "--var", "orderId=\"T-1\"", "--wait", "--timeout", "PT1S", "--address", address);

    // then
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.TIMED_OUT);
    assertThat(run.err()).contains("did not complete within PT1S; it keeps running", "rpa instances --process ops-order")
        .doesNotContain("refused");
  }

  @Test
  void shouldPrintWhatAFormDeploymentDeployed() throws Exception {
    // when
    Result deployed = rpa("deploy", RpaRun.resource("/ops/order-review.form").toString(), "--address", address);

    // then
    assertThat(deployed.exitCode()).as(deployed.err()).isZero();
    assertThat(deployed.out()).contains("Deployed form 'order-review' version", "from order-review.form");
    assertThat(rpa("deploy", "--help").out()).contains(".bpmn", ".dmn", ".form");
  }

  @Test
  void shouldExitWithOneNotTwoOnAUsageError() {
    // when
    Result unknownOption = rpa("instances", "--no-such-option");
    Result badTime = rpa("instances", "--started-after", "last tuesday");

    // then
    assertThat(unknownOption.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknownOption.err()).contains("Unknown option: '--no-such-option'");
    assertThat(badTime.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(badTime.err()).contains("Expected an ISO date-time", "but got 'last tuesday'");
  }

  @Test
  void shouldNameAFileThatExistsInTheWorkerHelp() {
    // when
    String help = rpa("worker", "--help").out();

    // then
    assertThat(help).contains("docs/workers/runtime.md").doesNotContain("README-runtime");
    assertThat(Path.of("..").resolve("docs/workers/runtime.md")).exists();
  }

  @Test
  void shouldPrintABashCompletionScriptCoveringTheOperatorCommands(@TempDir Path dir) throws Exception {
    // when
    Result completion = rpa("completion");

    // then
    assertThat(completion.exitCode()).isZero();
    assertThat(completion.out()).contains("complete -F", "instances", "incidents", "retry", "--started-after");
    Path script = Files.writeString(dir.resolve("rpa-completion.bash"), completion.out());
    Process syntaxCheck = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
    String problems = new String(syntaxCheck.getInputStream().readAllBytes());
    assertThat(syntaxCheck.waitFor()).as(problems).isZero();
  }

  @Test
  void shouldDescribeEveryCommandWithHelp() {
    for (String command : new String[] {"engine", "deploy", "run", "demo", "bench", "instances", "instance",
        "incidents", "jobs", "tasks", "processes", "variables", "decisions", "retry", "cancel", "set-variable",
        "publish", "task", "watch", "completion", "batches", "audit"}) {
      Result help = rpa(command, "--help");
      assertThat(help.exitCode()).as(command + ": " + help.err()).isZero();
      assertThat(help.out()).contains("Usage: rpa " + command);
    }
    assertThat(rpa("engine", "start", "--help").out()).contains("--data-dir", "--in-memory", "--port", "loopback");
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(RpaCommandsTest.class.getResource("/cli/" + name).toURI());
  }
}
