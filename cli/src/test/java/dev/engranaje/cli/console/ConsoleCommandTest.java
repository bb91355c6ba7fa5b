package dev.engranaje.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.cli.ExitCodes;
import dev.engranaje.cli.Rpa;
import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code rpa console} as a user types it. */
class ConsoleCommandTest {

  private static final Pattern ADDRESS = Pattern.compile("Engranaje console at (\\S+) for the engine at");

  @Test
  void shouldServeTheConsoleForTheEngineAtTheAddressGivenUntilStopped() throws Exception {
    try (Engine engine = Engine.start(EngineOptions.inMemoryForTests())) {
      CommandLine commandLine = Rpa.commandLine();
      StringWriter out = new StringWriter();
      commandLine.setOut(new PrintWriter(out, true));
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> commandLine.execute("console",
          "--address", engine.restAddress().toString(), "--port", "0"));
      Matcher printed = awaitPrinted(out, exit);
      ConsoleCommand command = commandLine.getSubcommands().get("console").getCommand();

      HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(printed.group(1)))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      command.requestStop();

      assertThat(out.toString()).contains("for the engine at " + engine.restAddress(), "no login: loopback only");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<title>Engranaje console</title>");
      assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
    }
  }

  @Test
  void shouldExitAsUnreachableAndSayWhatToDoWhenNoEngineAnswers() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    CommandLine commandLine = Rpa.commandLine();
    StringWriter err = new StringWriter();
    commandLine.setErr(new PrintWriter(err, true));

    int exit = commandLine.execute("console", "--address", "http://127.0.0.1:" + port, "--port", "0");

    assertThat(exit).isEqualTo(ExitCodes.UNREACHABLE);
    assertThat(err.toString()).contains("Expected the engine at http://127.0.0.1:" + port, "rpa engine start");
  }

  private static Matcher awaitPrinted(StringWriter out, CompletableFuture<Integer> exit) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Matcher matcher = ADDRESS.matcher(out.toString());
      if (matcher.find()) {
        return matcher;
      }
      if (exit.isDone()) {
        throw new AssertionError("rpa console exited with " + exit.join() + " before serving: " + out);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    throw new AssertionError("Expected rpa console to print its address, but it printed: " + out);
  }
}
