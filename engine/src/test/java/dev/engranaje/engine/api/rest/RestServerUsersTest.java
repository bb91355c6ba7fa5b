package dev.engranaje.engine.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ProblemException;
import dev.engranaje.engine.gateway.UserTaskView;
import io.camunda.client.api.response.ActivateJobsResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users from a users file, bound beyond loopback, exercised through the official client. */
class RestServerUsersTest {

  private static final String PASSWORD = "correct horse battery staple";

  private final FakeGateway gateway = new FakeGateway();
  private RestServer server;

  @BeforeEach
  void start(@TempDir Path dir) throws Exception {
    String hash = PasswordHash.of(PASSWORD.toCharArray(), 1_000).format();
    Path file = dir.resolve("users.yaml");
    Files.writeString(file, """
        groups:
          clerks: [task-user]
        users:
          vera:   { password: "%1$s", roles: [viewer] }
          wendy:  { password: "%1$s", roles: [worker] }
          tom:    { password: "%1$s", groups: [clerks] }
          oscar:  { password: "%1$s", roles: [operator] }
        """.formatted(hash));
    ApiAccess access = new ApiAccess("root", "root-secret", false).withUsers(ApiUsers.load(file));
    server = RestServer.start(gateway, "0.0.0.0", 0, ServerLimits.DEFAULTS, access);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CamundaClient client(String user, String password) {
    var builder = CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + server.port()))
        .grpcAddress(URI.create("http://127.0.0.1:" + server.port()))
        .preferRestOverGrpc(true);
    if (user != null) {
      builder.credentialsProvider(
          CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username(user).password(password).build());
    }
    return builder.build();
  }

  @Test
  void shouldLetAViewerSearchButForbidCancellingWithTheRoleNamed() throws Exception {
    try (CamundaClient vera = client("vera", PASSWORD)) {
      // when
      var page = vera.newProcessInstanceSearchRequest().send().join();
      ProblemException refused = catchThrowableOfType(ProblemException.class,
          () -> vera.newCancelInstanceCommand(2251799813685251L).send().join());

      // then
      assertThat(page.items()).isEmpty();
      assertThat(gateway.nextCall().method()).isEqualTo("searchProcessInstances");
      assertThat(refused.code()).isEqualTo(403);
      assertThat(refused.details().getDetail()).contains("'operator'").contains("vera");
      assertThat(gateway.pendingCalls()).isZero();
    }
  }

  @Test
  void shouldLetAWorkerActivateAndCompleteJobs() throws Exception {
    // given
    gateway.activation = command -> CompletableFuture.completedFuture(List.of(RestServerJobTest.job(42L, "charge")));
    try (CamundaClient wendy = client("wendy", PASSWORD)) {
      // when
      ActivateJobsResponse jobs = wendy.newActivateJobsCommand().jobType("charge").maxJobsToActivate(1)
          .requestTimeout(Duration.ofSeconds(2)).send().join();
      wendy.newCompleteCommand(jobs.getJobs().get(0).getKey()).send().join();

      // then
      assertThat(gateway.nextCall().method()).isEqualTo("activateJobs");
      FakeGateway.Call completion = gateway.nextCall();
      assertThat(completion.method()).isEqualTo("completeJob");
      assertThat(completion.arg(0)).isEqualTo(42L);
    }
  }

  @Test
  void shouldLetATaskUserOfAGroupCompleteAUserTaskButNotCancelInstances() throws Exception {
    try (CamundaClient tom = client("tom", PASSWORD)) {
      // when
      tom.newCompleteUserTaskCommand(77L).send().join();
      ProblemException refused = catchThrowableOfType(ProblemException.class,
          () -> tom.newCancelInstanceCommand(1L).send().join());

      // then
      FakeGateway.Call completion = gateway.nextCall("completeUserTask");
      assertThat(completion.arg(0)).isEqualTo(77L);
      assertThat(refused.code()).isEqualTo(403);
    }
  }

  private static UserTaskView task(long key, String assignee) {
    return new UserTaskView(key, 2L, 3L, "supplier-payment", 1, 4L, "approve", "Approve", assignee, List.of(), List.of(), null,
        null, null, null, 50, 1L, -1L, "CREATED", "<default>");
  }

  @Test
  void shouldClaimAnUnassignedTaskForTheTaskUserBeforeCompletingIt() throws Exception {
    // given
    gateway.userTask = Optional.of(task(77L, ""));
    try (CamundaClient tom = client("tom", PASSWORD)) {
      // when
      tom.newCompleteUserTaskCommand(77L).variables(Map.of("approved", true)).send().join();

      // then the recorded assignee is the authenticated user, set before the completion
      assertThat(gateway.nextCall().method()).isEqualTo("getUserTask");
      FakeGateway.Call claim = gateway.nextCall();
      assertThat(claim.method()).isEqualTo("assignUserTask");
      assertThat(claim.arg(0)).isEqualTo(77L);
      assertThat(claim.arg(1)).isEqualTo("tom");
      assertThat(gateway.nextCall().method()).isEqualTo("completeUserTask");
    }
  }

  @Test
  void shouldForbidATaskUserToCompleteSomeoneElsesTask() throws Exception {
    // given
    gateway.userTask = Optional.of(task(77L, "ana"));
    try (CamundaClient tom = client("tom", PASSWORD); CamundaClient root = client("root", "root-secret")) {
      // when
      ProblemException refused = catchThrowableOfType(ProblemException.class,
          () -> tom.newCompleteUserTaskCommand(77L).send().join());
      root.newCompleteUserTaskCommand(77L).send().join();

      // then only the admin's completion reached the engine, without any re-assignment
      assertThat(refused.code()).isEqualTo(403);
      assertThat(refused.details().getDetail()).contains("'ana'").contains("'tom'");
      assertThat(gateway.nextCall().method()).isEqualTo("getUserTask");
      assertThat(gateway.nextCall().method()).isEqualTo("completeUserTask");
      assertThat(gateway.pendingCalls()).isZero();
    }
  }

  @Test
  void shouldLetATaskUserCompleteTheirOwnTaskWithoutReassigningIt() throws Exception {
    // given
    gateway.userTask = Optional.of(task(77L, "tom"));
    try (CamundaClient tom = client("tom", PASSWORD)) {
      // when
      tom.newCompleteUserTaskCommand(77L).send().join();

      // then
      assertThat(gateway.nextCall().method()).isEqualTo("getUserTask");
      assertThat(gateway.nextCall().method()).isEqualTo("completeUserTask");
      assertThat(gateway.pendingCalls()).isZero();
    }
  }

  @Test
  void shouldLetAnOperatorOrAWorkerButNotAViewerUpdateJobRetries() throws Exception {
    try (CamundaClient oscar = client("oscar", PASSWORD); CamundaClient wendy = client("wendy", PASSWORD);
        CamundaClient vera = client("vera", PASSWORD)) {
      // when
      oscar.newUpdateRetriesCommand(42L).retries(3).send().join();
      wendy.newUpdateRetriesCommand(43L).retries(1).send().join();
      ProblemException refused = catchThrowableOfType(ProblemException.class,
          () -> vera.newUpdateRetriesCommand(44L).retries(3).send().join());

      // then
      assertThat(gateway.nextCall().arg(0)).isEqualTo(42L);
      assertThat(gateway.nextCall().arg(0)).isEqualTo(43L);
      assertThat(refused.code()).isEqualTo(403);
      assertThat(refused.details().getDetail()).contains("'worker' or 'operator'");
      assertThat(gateway.pendingCalls()).isZero();
    }
  }

  @Test
  void shouldKeepTheEnvironmentUserAsAdmin() throws Exception {
    try (CamundaClient root = client("root", "root-secret")) {
      // when
      root.newCancelInstanceCommand(5L).send().join();

      // then
      assertThat(gateway.nextCall().method()).isEqualTo("cancelProcessInstance");
    }
  }

  @Test
  void shouldAnswer401WithoutOrWithWrongCredentials() throws Exception {
    try (CamundaClient anonymous = client(null, null); CamundaClient wrong = client("vera", "guess");
        CamundaClient nobody = client("nobody", PASSWORD)) {
      // when
      ProblemException none = catchThrowableOfType(ProblemException.class,
          () -> anonymous.newProcessInstanceSearchRequest().send().join());
      ProblemException bad = catchThrowableOfType(ProblemException.class,
          () -> wrong.newTopologyRequest().send().join());
      ProblemException unknown = catchThrowableOfType(ProblemException.class,
          () -> nobody.newTopologyRequest().send().join());

      // then
      assertThat(none.code()).isEqualTo(401);
      assertThat(bad.code()).isEqualTo(401);
      assertThat(unknown.code()).isEqualTo(401);
      assertThat(gateway.pendingCalls()).isZero();
    }
  }

  @Test
  void shouldChallengeWithBasicOnEveryRouteWithoutCredentials() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String[] route : List.of(new String[] {"GET", "/v2/topology"}, new String[] {"POST", "/v2/jobs/activation"},
        new String[] {"POST", "/v2/user-tasks/1/completion"}, new String[] {"POST", "/v2/process-instances"},
        new String[] {"GET", "/v2/no-such-route"})) {
      // when
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + server.port() + route[1]))
          .method(route[0], HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
          .build(), HttpResponse.BodyHandlers.ofString());

      // then
      assertThat(response.statusCode()).as(route[0] + " " + route[1]).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          v -> assertThat(v).startsWith("application/problem+json"));
    }
  }

  @Test
  void shouldRefuseAUsersFileWithAnUnknownRoleNamingTheUser(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users.yaml");
    Files.writeString(file, "users:\n  eve: { password: \"" + PasswordHash.of("x".toCharArray(), 1_000).format()
        + "\", roles: [superuser] }\n");

    assertThatThrownBy(() -> ApiUsers.load(file)).hasMessageContaining("eve").hasMessageContaining("superuser")
        .hasMessageContaining("task-user");
  }

  @Test
  void shouldVerifyAPasswordOnlyAgainstItsOwnHash() {
    PasswordHash hash = PasswordHash.parse(PasswordHash.of("s3cret".toCharArray(), 1_000).format());

    assertThat(hash.matches("s3cret".toCharArray())).isTrue();
    assertThat(hash.matches("s3cret!".toCharArray())).isFalse();
    assertThat(hash.toString()).doesNotContain(java.util.Base64.getEncoder().encodeToString(hash.hash()));
  }
}
