package dev.engranaje.engine.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's login over HTTP: the session cookie, its CSRF token, roles, logout, the open mode. */
class ConsoleLoginTest {

  private static final String PASSWORD = "correct horse battery staple";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private Engine engine;
  private URI base;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    String hash = PasswordHash.of(PASSWORD.toCharArray(), 1_000).format();
    Path file = dir.resolve("users.yaml");
    Files.writeString(file, """
        groups:
          clerks: [task-user]
        users:
          olga: { password: "%1$s", roles: [operator], groups: [clerks] }
          vera: { password: "%1$s", roles: [viewer] }
        """.formatted(hash));
    engine = Engine.start(EngineOptions.builder().inMemory().port(0)
        .apiAccess(new ApiAccess("root", "root-secret", false).withUsers(ApiUsers.load(file))).build());
    base = engine.restAddress();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void shouldRedirectTheRootToTheConsoleAndServeItsPageWithoutCredentials() throws Exception {
    HttpResponse<String> root = send(HttpRequest.newBuilder(base.resolve("/")).GET(), null);
    HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("/console/")).GET(), null);

    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(root.headers().firstValue("Location").orElseThrow()).endsWith("/console/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("bpmn-navigated-viewer.production.min.js", "form-viewer.umd.js");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'self'");
  }

  @Test
  void shouldRefuseAWrongPasswordAndAFormPostWithoutGivingACookie() throws Exception {
    HttpResponse<String> wrong = login("olga", "not it");
    HttpResponse<String> form = send(HttpRequest.newBuilder(base.resolve("/console/api/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=olga&password=" + PASSWORD)), null);
    HttpResponse<String> session = send(HttpRequest.newBuilder(base.resolve("/console/api/session")).GET(), null);

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("user or password is wrong").doesNotContain("not it");
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(form.statusCode()).isEqualTo(415);
    assertThat(form.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(session.statusCode()).isEqualTo(401);
  }

  @Test
  void shouldGiveAnHttpOnlyStrictCookieAndTheUsersGroupsAtLogin() throws Exception {
    HttpResponse<String> answer = login("olga", PASSWORD);

    assertThat(answer.statusCode()).isEqualTo(200);
    String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith(ConsoleSessions.COOKIE + "=").contains("HttpOnly", "SameSite=Strict", "Path=/");
    JsonNode body = JSON.readTree(answer.body());
    assertThat(body.path("user").asText()).isEqualTo("olga");
    assertThat(body.path("groups").toString()).isEqualTo("[\"clerks\"]");
    assertThat(body.path("roles").toString()).contains("operator", "task-user");
    assertThat(body.path("csrfToken").asText()).hasSizeGreaterThan(30);
    assertThat(answer.body()).doesNotContain(PASSWORD);
  }

  @Test
  void shouldRefuseAnActionWithTheSessionCookieButWithoutItsCsrfTokenAndAcceptItWithTheToken() throws Exception {
    long instance = startInstance();
    Session olga = session("olga");

    HttpResponse<String> searchWithoutToken = olga.post("/v2/process-instances/search", "{}", null);
    HttpResponse<String> missing = olga.post("/v2/process-instances/" + instance + "/cancellation", "{}", null);
    HttpResponse<String> wrong = olga.post("/v2/process-instances/" + instance + "/cancellation", "{}", "forged");
    HttpResponse<String> fine = olga.post("/v2/process-instances/" + instance + "/cancellation", "{}", olga.csrf);

    assertThat(searchWithoutToken.statusCode()).isEqualTo(403);
    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(missing.body()).contains("CSRF token", "missing");
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(wrong.body()).contains("CSRF token", "wrong");
    assertThat(fine.statusCode()).as(fine.body()).isEqualTo(204);
    assertThat(olga.get("/v2/process-instances/" + instance).body()).contains("\"TERMINATED\"");
  }

  @Test
  void shouldStillCheckTheRoleOfTheSessionsUser() throws Exception {
    long instance = startInstance();
    Session vera = session("vera");

    HttpResponse<String> read = vera.get("/v2/process-instances/" + instance);
    HttpResponse<String> cancel = vera.post("/v2/process-instances/" + instance + "/cancellation", "{}", vera.csrf);

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(cancel.statusCode()).isEqualTo(403);
    assertThat(cancel.body()).contains("operator", "vera");
  }

  @Test
  void shouldEndTheSessionAtLogoutSoThatItsCookieNoLongerAuthenticates() throws Exception {
    Session olga = session("olga");

    HttpResponse<String> logout = olga.post("/console/api/logout", "", olga.csrf);
    HttpResponse<String> after = olga.get("/v2/topology");
    HttpResponse<String> me = olga.get("/console/api/session");

    assertThat(logout.statusCode()).isEqualTo(204);
    assertThat(logout.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(me.statusCode()).isEqualTo(401);
  }

  @Test
  void shouldNeedNoLoginOnAnOpenLoopbackEngine() throws Exception {
    try (Engine open = Engine.start(EngineOptions.inMemoryForTests())) {
      HttpResponse<String> answer = send(HttpRequest.newBuilder(open.restAddress().resolve("/console/api/session"))
          .GET(), null);

      assertThat(answer.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(answer.body());
      assertThat(body.path("loginRequired").asBoolean()).isFalse();
      assertThat(body.path("roles").toString()).contains("admin");
    }
  }

  private long startInstance() {
    try (CamundaClient admin = CamundaClient.newClientBuilder().restAddress(base).grpcAddress(base)
        .preferRestOverGrpc(true).credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
            .username("root").password("root-secret").build()).build()) {
      admin.newDeployResourceCommand().addProcessModel(Bpmn.createExecutableProcess("wait").startEvent()
          .userTask("review").zeebeUserTask().endEvent().done(), "wait.bpmn").send().join();
      return admin.newCreateInstanceCommand().bpmnProcessId("wait").latestVersion().send().join()
          .getProcessInstanceKey();
    }
  }

  private HttpResponse<String> login(String user, String password) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve("/console/api/login")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
            java.util.Map.of("username", user, "password", password)))), null);
  }

  private Session session(String user) throws Exception {
    HttpResponse<String> answer = login(user, PASSWORD);
    assertThat(answer.statusCode()).isEqualTo(200);
    String cookie = answer.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    return new Session(cookie, JSON.readTree(answer.body()).path("csrfToken").asText());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String cookie) throws Exception {
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private final class Session {
    final String cookie;
    final String csrf;

    Session(String cookie, String csrf) {
      this.cookie = cookie;
      this.csrf = csrf;
    }

    HttpResponse<String> get(String path) throws Exception {
      return send(HttpRequest.newBuilder(base.resolve(path)).GET(), cookie);
    }

    HttpResponse<String> post(String path, String body, String token) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body));
      if (token != null) {
        request.header(ConsoleSessions.CSRF_HEADER, token);
      }
      return send(request, cookie);
    }
  }
}
