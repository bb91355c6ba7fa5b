package dev.engranaje.cli;

import static dev.engranaje.cli.RpaRun.rpa;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import dev.engranaje.cli.RpaRun.Result;
import dev.engranaje.cli.logging.RedactingLayout;
import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** {@code rpa worker} as an operator runs it, against an embedded engine reached over REST. */
class WorkerCommandTest {
  private static final String PASSWORD = "correct-horse-battery";
  private static Engine engine;
  private static String address;
  private static CamundaClient client;

  @TempDir Path dir;

  @BeforeAll
  static void startEngine() {
    engine = Engine.start(EngineOptions.builder().inMemory().port(0).build());
    address = engine.restAddress().toString();
    client = CamundaClient.newClientBuilder().restAddress(engine.restAddress()).grpcAddress(engine.restAddress())
        .preferRestOverGrpc(true).build();
  }

  @AfterAll
  static void stopEngine() {
    client.close();
    engine.close();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  private Path config(String extra) throws IOException {
    Files.writeString(dir.resolve("secrets.properties"), "PORTAL_PASSWORD=" + PASSWORD + "\n");
    return Files.writeString(dir.resolve("worker.yaml"), "workspace: {root: work}\nledger: {file: ledger.db}\n"
        + "secrets: {file: secrets.properties}\n" + extra);
  }

  /** Captures log lines with the layout logback.xml configures for the console, at INFO. */
  private static final class LogCapture implements AutoCloseable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level level = root.getLevel();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();

    @SuppressWarnings("unchecked")
    LogCapture() {
      LoggerContext context = root.getLoggerContext();
      var console = (ch.qos.logback.core.OutputStreamAppender<ILoggingEvent>) root.getAppender("CONSOLE");
      Layout<ILoggingEvent> layout = ((LayoutWrappingEncoder<ILoggingEvent>) console.getEncoder()).getLayout();
      assertThat(layout).isInstanceOf(RedactingLayout.class);
      LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
      encoder.setContext(context);
      encoder.setLayout(layout);
      encoder.start();
      appender.setContext(context);
      appender.setEncoder(encoder);
      appender.setOutputStream(bytes);
      appender.start();
      root.addAppender(appender);
      root.setLevel(Level.INFO);
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }

    @Override
    public void close() {
      root.detachAppender(appender);
      root.setLevel(level);
    }
  }

  @Test
  void shouldServeJobsUntilStoppedAndLogTheJobKeysButNoSecret() throws Exception {
    // given
    client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("login").startEvent()
        .serviceTask("login-task", t -> t.zeebeJobType("cli-test:login:1")).endEvent().done(), "login.bpmn").send().join();
    int port = freePort();
    Path file = config("server: {port: " + port + "}\njobs: {\"cli-test:login:1\": {maxJobsActive: 2}}\n");
    CommandLine commandLine = Rpa.commandLine();
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    WorkerCommand command = commandLine.getSubcommands().get("worker").getCommand();
    ExecutorService background = Executors.newSingleThreadExecutor();
    try (LogCapture logs = new LogCapture()) {
      Future<Integer> exitCode = background.submit(() -> commandLine.execute("worker", "--config", file.toString(),
          "--address", address));
      await("the worker serves", () -> out.toString().contains("Serving job types"));

      // when
      ProcessInstanceResult result = client.newCreateInstanceCommand().bpmnProcessId("login").latestVersion()
          .variables(Map.of("user", "ada", "password", "secrets.PORTAL_PASSWORD")).withResult()
          .requestTimeout(Duration.ofSeconds(30)).send().join();
      HttpResponse<String> health = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      command.requestStop();

      // then
      assertThat(exitCode.get(30, TimeUnit.SECONDS)).isZero();
      assertThat(out.toString()).contains("Serving job types [cli-test:login:1] against " + address);
      assertThat(result.getVariablesAsMap()).containsEntry("loggedIn", true).containsEntry("password", "secrets.PORTAL_PASSWORD");
      assertThat(health.statusCode()).isEqualTo(200);
      String line = logs.text().lines().filter(l -> l.contains("Logging in ada")).findFirst().orElseThrow();
      assertThat(line).contains("Logging in ada with ***", "jobType=cli-test:login:1",
          "processInstanceKey=" + result.getProcessInstanceKey(), "jobKey=");
      assertThat(logs.text()).doesNotContain(PASSWORD).contains("Stopped activating jobs", "All running jobs finished");
    } finally {
      background.shutdownNow();
    }
  }

  @Test
  void shouldListTheJobTypesRegisteredOnTheClasspath() {
    Result listed = rpa("worker", "--list");

    assertThat(listed.exitCode()).isZero();
    assertThat(listed.out()).contains("cli-test:login:1\tdev.engranaje.cli.testworkers.CarelessLoginWorker",
        "cli-test:gated:1\tdev.engranaje.cli.testworkers.FileGatedWorker");
  }

  @Test
  void shouldExitWithOneAndNameTheKeyWhenTheConfigurationIsInvalid() throws Exception {
    Path file = config("jobs: {\"cli-test:login:1\": {timeout: soon}}\n");

    Result result = rpa("worker", "--config", file.toString(), "--address", address);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("key 'jobs.cli-test:login:1.timeout' is invalid", "Expected a duration like 30s");
    Result unknown = rpa("worker", "--config", config("jobs: {\"cli-test:logon:1\": {}}\n").toString());
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("'cli-test:logon:1' is not; known job types: [cli-test:gated:1, cli-test:login:1, ",
        "rpa:spreadsheet.read:1");
  }

  @Test
  void shouldExitWithThreeWhenTheEngineCannotBeReachedAtStart() throws Exception {
    Path file = config("server: {port: 0}\njobs: {\"cli-test:login:1\": {}}\n");

    Result result = rpa("worker", "--config", file.toString(), "--address", "http://127.0.0.1:" + freePort());

    assertThat(result.exitCode()).isEqualTo(FriendlyErrors.UNREACHABLE);
    assertThat(result.err()).contains("Could not reach the engine");
  }

  @Test
  void shouldListAndForgetSideEffectsInDoubt() throws Exception {
    // given one effect in doubt and one done
    Path ledgerFile = dir.resolve("ledger.db");
    try (SqliteIdempotencyLedger ledger = SqliteIdempotencyLedger.open(ledgerFile, Clock.systemUTC())) {
      ledger.start("rpa:mail.send:1:4242", "rpa:mail.send:1", 4242);
      ledger.start("rpa:mail.send:1:4343", "rpa:mail.send:1", 4343);
      ledger.done("rpa:mail.send:1:4343", "{}");
    }
    Path file = config("");

    // when / then
    Result listed = rpa("worker", "ledger", "list", "--config", file.toString());
    assertThat(listed.exitCode()).isZero();
    assertThat(listed.out()).contains("rpa:mail.send:1:4242", "4242", "1 side effect(s) in doubt").doesNotContain("4343");

    Result done = rpa("worker", "ledger", "forget", "rpa:mail.send:1:4343", "--ledger", ledgerFile.toString());
    assertThat(done.exitCode()).isEqualTo(1);
    assertThat(done.err()).contains("is recorded as done", "--force");

    Result unknown = rpa("worker", "ledger", "forget", "nope", "--ledger", ledgerFile.toString());
    assertThat(unknown.err()).contains(String.format(LedgerCommand.NO_ENTRY, "nope", ledgerFile));

    Result forgotten = rpa("worker", "ledger", "forget", "rpa:mail.send:1:4242", "--config", file.toString());
    assertThat(forgotten.exitCode()).isZero();
    assertThat(forgotten.out()).contains("Forgot 'rpa:mail.send:1:4242'");
    assertThat(rpa("worker", "ledger", "list", "--ledger", ledgerFile.toString()).out()).contains("No side effects in doubt.");
    assertThat(rpa("worker", "ledger", "list", "--ledger", dir.resolve("absent.db").toString()).err())
        .contains(String.format(LedgerCommand.NO_LEDGER, dir.resolve("absent.db")));
  }

  @Test
  void shouldDescribeTheWorkerCommandsWithHelp() {
    assertThat(rpa("worker", "--help").out()).contains("Usage: rpa worker", "--config", "SIGTERM", "Exit codes", "ledger");
    assertThat(rpa("worker", "ledger", "list", "--help").out()).contains("Usage: rpa worker ledger list", "--ledger");
    assertThat(rpa("worker", "ledger", "forget", "--help").out()).contains("Usage: rpa worker ledger forget", "KEY", "--force");
  }
}
