package dev.engranaje.cli.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.api.rest.ApiAccess;
import dev.engranaje.engine.api.rest.ApiUsers;
import dev.engranaje.engine.api.rest.ConsoleSessions;
import dev.engranaje.engine.api.rest.PasswordHash;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rpa console}'s server against a separate engine: login through the engine, forwarding, CSRF. */
class ConsoleServerTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldLetEachUserLogInWithTheirEngineCredentialsAndForwardTheirCallsAsThem(@TempDir Path dir) throws Exception {
    Path users = dir.resolve("users.yaml");
    Files.writeString(users, "users:\n  vera: { password: \"" + PasswordHash.of(PASSWORD.toCharArray()).format()
        + "\", roles: [viewer] }\n");
    try (Engine engine = Engine.start(EngineOptions.builder().inMemory().port(0)
        .apiAccess(new ApiAccess(null, null, false).withUsers(ApiUsers.load(users))).build());
        ConsoleServer console = ConsoleServer.start(engine.restAddress(), Map::of, "127.0.0.1", 0, null)) {
      URI base = console.address().resolve("/");

      HttpResponse<String> anonymous = send(HttpRequest.newBuilder(base.resolve("/console/api/session")).GET(), null, null);
      HttpResponse<String> wrong = login(base, "vera", "nope");
      HttpResponse<String> right = login(base, "vera", PASSWORD);
      String cookie = right.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
      String token = JSON.readTree(right.body()).path("csrfToken").asText();
      HttpResponse<String> search = send(post(base, "/v2/process-instances/search"), cookie, token);
      HttpResponse<String> cancel = send(post(base, "/v2/process-instances/1/cancellation"), cookie, token);

      assertThat(console.requiresLogin()).isTrue();
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(wrong.statusCode()).isEqualTo(401);
      assertThat(right.statusCode()).isEqualTo(200);
      assertThat(right.body()).doesNotContain("Basic ", PASSWORD);
      assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
      assertThat(search.body()).contains("\"items\"");
      // the engine, not the console, decides: vera is a viewer
      assertThat(cancel.statusCode()).isEqualTo(403);
      assertThat(cancel.body()).contains("operator", "vera");
    }
  }

  @Test
  void shouldNeedNoLoginForAnOpenEngineButStillATokenForEveryAction() throws Exception {
    try (Engine engine = Engine.start(EngineOptions.inMemoryForTests());
        CamundaClient client = CamundaClient.newClientBuilder().restAddress(engine.restAddress())
            .grpcAddress(engine.restAddress()).preferRestOverGrpc(true).build();
        ConsoleServer console = ConsoleServer.start(engine.restAddress(), Map::of, "127.0.0.1", 0, null)) {
      client.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("wait").startEvent()
          .userTask("review").zeebeUserTask().endEvent().done(), "wait.bpmn").send().join();
      long key = client.newCreateInstanceCommand().bpmnProcessId("wait").latestVersion().send().join()
          .getProcessInstanceKey();
      URI base = console.address().resolve("/");

      HttpResponse<String> session = send(HttpRequest.newBuilder(base.resolve("/console/api/session")).GET(), null, null);
      String token = JSON.readTree(session.body()).path("csrfToken").asText();
      HttpResponse<String> withoutToken = send(post(base, "/v2/process-instances/" + key + "/cancellation"), null, null);
      HttpResponse<String> withToken = send(post(base, "/v2/process-instances/" + key + "/cancellation"), null, token);

      assertThat(console.requiresLogin()).isFalse();
      assertThat(session.statusCode()).isEqualTo(200);
      assertThat(withoutToken.statusCode()).isEqualTo(403);
      assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(204);
      assertThat(client.newProcessInstanceGetRequest(key).send().join().getState().name()).isEqualTo("TERMINATED");
    }
  }

  @Test
  void shouldServeTheEvidenceInAnInstancesWorkspaceButNothingOutsideIt(@TempDir Path workspace) throws Exception {
    Path evidence = workspace.resolve("2251799813685251/evidence/web/2251799813685301-step03-click.png");
    Files.createDirectories(evidence.getParent());
    Files.write(evidence, new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    Files.writeString(workspace.resolve("2251799813685252-secret.txt"), "another instance's file");
    try (Engine engine = Engine.start(EngineOptions.inMemoryForTests());
        ConsoleServer console = ConsoleServer.start(engine.restAddress(), Map::of, "127.0.0.1", 0, workspace)) {
      URI base = console.address().resolve("/");

      HttpResponse<String> file = send(HttpRequest.newBuilder(base.resolve(
          "/console/workspace/2251799813685251/evidence/web/2251799813685301-step03-click.png")).GET(), null, null);
      HttpResponse<String> outside = send(HttpRequest.newBuilder(base.resolve(
          "/console/workspace/2251799813685251/%2E%2E/2251799813685252-secret.txt")).GET(), null, null);
      HttpResponse<String> missing = send(HttpRequest.newBuilder(base.resolve(
          "/console/workspace/2251799813685251/evidence/none.png")).GET(), null, null);

      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
      assertThat(file.headers().firstValue("Content-Security-Policy").orElseThrow()).startsWith("sandbox");
      assertThat(outside.statusCode()).isIn(400, 404);
      assertThat(outside.body()).doesNotContain("another instance's file");
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(missing.body()).contains("has no workspace file");
    }
  }

  @Test
  void shouldRefuseToServeAConsoleThatNeedsNoLoginBeyondLoopback() {
    try (Engine engine = Engine.start(EngineOptions.inMemoryForTests())) {
      assertThatThrownBy(() -> ConsoleServer.start(engine.restAddress(), Map::of, "0.0.0.0", 0, null))
          .hasMessageContaining("loopback --host").hasMessageContaining("--users");
    }
  }

  @Test
  void shouldSayWhatToDoWhenTheEngineDoesNotAnswer() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + port);
    assertThatThrownBy(() -> ConsoleServer.start(nowhere, Map::of, "127.0.0.1", 0, null))
        .hasMessageContaining("Expected the engine at " + nowhere).hasMessageContaining("rpa engine start");
  }

  private HttpResponse<String> login(URI base, String user, String password) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve("/console/api/login")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", user, "password", password)))),
        null, null);
  }

  private static HttpRequest.Builder post(URI base, String path) {
    return HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{}"));
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String cookie, String token) throws Exception {
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    if (token != null) {
      request.header(ConsoleSessions.CSRF_HEADER, token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
