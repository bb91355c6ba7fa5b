package dev.engranaje.engine.api.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.gateway.IncidentFilter;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RestServerErrorTest {

  private final FakeGateway gateway = new FakeGateway();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private RestServer server;
  private CamundaClient client;

  @BeforeEach
  void start() {
    server = RestServer.start(gateway, "127.0.0.1", 0);
    client = RestServerCommandTest.newClient(server);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(server.address().resolve(path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return new ObjectMapper().readTree(response.body());
  }

  @ParameterizedTest
  @EnumSource(RejectionType.class)
  void shouldReachClientAsProblemWithStatusWhenEngineRejects(RejectionType type) {
    // given
    gateway.failure = new Rejection(type, "Job 42 is in a state that does not allow this");

    // when
    ProblemException problem =
        catchThrowableOfType(
            ProblemException.class, () -> client.newCompleteCommand(42L).send().join());

    // then
    assertThat(problem.code()).isEqualTo(type.httpStatus());
    assertThat(problem.details().getStatus()).isEqualTo(type.httpStatus());
    assertThat(problem.details().getTitle()).isEqualTo(type.name());
    assertThat(problem.details().getDetail())
        .isEqualTo("Job 42 is in a state that does not allow this");
    assertThat(problem.details().getInstance()).hasToString("/v2/jobs/42/completion");
  }

  @Test
  void shouldAnswer500WithoutInternalsWhenEngineFailsUnexpectedly() {
    // given
    gateway.failure = new IllegalStateException("SQLITE_BUSY at /secret/data/engine.db");

    // when
    ProblemException problem =
        catchThrowableOfType(
            ProblemException.class, () -> client.newTopologyRequest().send().join());

    // then
    assertThat(problem.code()).isEqualTo(500);
    assertThat(problem.details().getDetail()).doesNotContain("secret").doesNotContain("SQLITE");
  }

  @Test
  void shouldAnswer400ProblemWhenBodyIsMalformedJson() throws Exception {
    // when
    HttpResponse<String> response = send("POST", "/v2/messages/publication", "{\"name\": ");

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(400);
    assertThat(problem.get("title").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(problem.get("detail").asText()).startsWith("Malformed JSON request body");
    assertThat(problem.get("instance").asText()).isEqualTo("/v2/messages/publication");
    assertThat(problem.get("type").asText()).isEqualTo("about:blank");
  }

  @Test
  void shouldAnswer400WhenAFieldHasTheWrongType() throws Exception {
    // when
    HttpResponse<String> response =
        send("POST", "/v2/jobs/1/failure", "{\"retries\": \"many\"}");

    // then
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void shouldAnswer400WhenPathKeyIsNotNumeric() throws Exception {
    // when
    HttpResponse<String> response = send("POST", "/v2/jobs/abc/completion", "{}");

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("detail").asText()).contains("'abc'");
  }

  @Test
  void shouldAnswer404ProblemWhenRouteIsUnknown() throws Exception {
    // when
    HttpResponse<String> response = send("POST", "/v2/nothing-here", "{}");

    // then
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void shouldAnswer405WithAllowedMethodsWhenMethodIsWrong() throws Exception {
    // when
    HttpResponse<String> response = send("DELETE", "/v2/topology", "");

    // then
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
  }

  @Test
  void shouldAnswer404WhenProcessInstanceDoesNotExist() {
    // when / then
    assertThatThrownBy(() -> client.newProcessInstanceGetRequest(5L).send().join())
        .isInstanceOfSatisfying(
            ProblemException.class, problem -> assertThat(problem.code()).isEqualTo(404));
  }

  @Test
  void shouldAcceptPlainFilterValuesWhenSearchingOverRawHttp() throws Exception {
    // when
    HttpResponse<String> response =
        send(
            "POST",
            "/v2/incidents/search",
            "{\"filter\":{\"processInstanceKey\":\"12\",\"state\":{\"$eq\":\"RESOLVED\"}}}");

    // then
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(gateway.nextCall().arg(0))
        .isEqualTo(new IncidentFilter(null, 12L, "RESOLVED", null, null));
    assertThat(json(response).at("/page/totalItems").asLong()).isZero();
  }

  @Test
  void shouldRejectUnsupportedFilterOperatorsWhenSearching() throws Exception {
    // when
    HttpResponse<String> response =
        send("POST", "/v2/incidents/search", "{\"filter\":{\"errorMessage\":\"x\"}}");

    // then
    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void shouldBindToLoopbackWhenNoHostIsGiven() {
    // when
    try (RestServer loopback = RestServer.start(gateway, null, 0)) {

      // then
      assertThat(loopback.address().getHost()).isEqualTo("127.0.0.1");
      assertThat(loopback.port()).isPositive();
    }
  }

  @Test
  void shouldListenOnlyOnTheGivenHostWhenOneIsGiven() throws Exception {
    // given 127.0.0.2 is a loopback address on Linux but not elsewhere
    Assumptions.assumeTrue(InetAddress.getByName("127.0.0.2").isReachable(500));
    RestServer other;
    try {
      other = RestServer.start(gateway, "127.0.0.2", 0);
    } catch (UncheckedIOException e) {
      Assumptions.abort("cannot bind 127.0.0.2 here");
      return;
    }
    try (other) {
      // when
      HttpRequest onOtherHost =
          HttpRequest.newBuilder(URI.create("http://127.0.0.2:" + other.port() + "/v2/topology"))
              .build();
      HttpRequest onLoopback =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + other.port() + "/v2/topology"))
              .build();

      // then
      assertThat(other.address()).hasHost("127.0.0.2");
      assertThat(http.send(onOtherHost, HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(200);
      assertThatThrownBy(() -> http.send(onLoopback, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(ConnectException.class);
    }
  }
}
