package dev.engranaje.workers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.LedgerEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendHttpRequestWorkerTest {
  @TempDir Path directory;
  private HttpFixture http;

  @BeforeEach
  void start() {
    http = new HttpFixture(directory);
  }

  @AfterEach
  void stop() {
    http.close();
  }

  @Test
  void shouldRetryWithinTheJobWhenServerAnswers503ThenSucceeds() throws Exception {
    http.server.stubFor(get("/orders/7").inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("again"));
    http.server.stubFor(get("/orders/7").inScenario("flaky").whenScenarioStateIs("again")
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    http.server.stubFor(get("/orders/7").inScenario("flaky").whenScenarioStateIs("up")
        .willReturn(okJson("{\"id\": 7, \"state\": \"paid\"}")));

    HttpResult result = http.call(1, Map.of("url", http.url("/orders/7")));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.body().get("state").asText()).isEqualTo("paid");
    assertThat(http.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    http.server.verify(3, getRequestedFor(urlEqualTo("/orders/7")));
  }

  @Test
  void shouldWaitRetryAfterSecondsWhenServerAnswers429() throws Exception {
    http.server.stubFor(get("/rates").inScenario("limited").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("free"));
    http.server.stubFor(get("/rates").inScenario("limited").whenScenarioStateIs("free").willReturn(okJson("[1, 2]")));

    HttpResult result = http.call(1, Map.of("url", http.url("/rates")));

    assertThat(result.body().size()).isEqualTo(2);
    assertThat(http.waits).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void shouldWaitUntilRetryAfterDateWhenServerAnswers429WithHttpDate() throws Exception {
    String inTwelveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(HttpFixture.START.plusSeconds(12).atOffset(ZoneOffset.UTC));
    http.server.stubFor(get("/rates").inScenario("limited").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", inTwelveSeconds)).willSetStateTo("free"));
    http.server.stubFor(get("/rates").inScenario("limited").whenScenarioStateIs("free").willReturn(okJson("{}")));

    http.call(1, Map.of("url", http.url("/rates")));

    assertThat(http.waits).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void shouldFailTheJobWithTheServersBackoffWhenRetryAfterExceedsTheWaitBudget() {
    http.server.stubFor(get("/report").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "600").withBody("maintenance")));

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class,
        () -> http.call(1, Map.of("url", http.url("/report"), "maxRetryWaitSeconds", 60)));

    assertThat(failure.isRetryable()).isTrue();
    assertThat(failure.backoff()).contains(Duration.ofSeconds(600));
    assertThat(failure.getMessage()).isEqualTo(String.format(RetryingExchange.UNAVAILABLE, "GET " + http.url("/report"), 503, 1,
        "maintenance", " after the server's Retry-After of 600 s"));
    assertThat(http.waits).isEmpty();
    http.server.verify(1, getRequestedFor(urlEqualTo("/report")));
  }

  @Test
  void shouldFailRetryablyWithRuntimeBackoffWhenAttemptsRunOut() {
    http.server.stubFor(get("/report").willReturn(aResponse().withStatus(502)));

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class,
        () -> http.call(1, Map.of("url", http.url("/report"), "maxAttempts", 2)));

    assertThat(failure.isRetryable()).isTrue();
    assertThat(failure.backoff()).isEmpty();
    http.server.verify(2, getRequestedFor(urlEqualTo("/report")));
  }

  @Test
  void shouldSendBasicCredentialsFromSecretsWhenAuthTypeIsBasic() throws Exception {
    http.server.stubFor(get("/me").withBasicAuth("clerk", HttpFixture.PASSWORD).willReturn(okJson("{\"user\": \"clerk\"}")));

    HttpResult result = http.call(1, Map.of("url", http.url("/me"), "authType", "basic", "username", "clerk",
        "password", "secrets.PORTAL_PASSWORD"));

    assertThat(result.body().get("user").asText()).isEqualTo("clerk");
  }

  @Test
  void shouldSendBearerTokenAndInterpolatedHeadersWhenAuthTypeIsBearer() throws Exception {
    http.server.stubFor(get(urlPathEqualTo("/items")).withHeader("Authorization", equalTo("Bearer " + HttpFixture.API_TOKEN))
        .withHeader("X-Api-Key", equalTo("key-" + HttpFixture.PASSWORD)).withQueryParam("page", equalTo("2"))
        .withQueryParam("tag", equalTo("a b")).willReturn(okJson("[]")));

    HttpResult result = http.call(1, Map.of("url", http.url("/items"), "authType", "bearer", "token", "{{secrets.API_TOKEN}}",
        "headers", Map.of("X-Api-Key", "key-{{secrets.PORTAL_PASSWORD}}"), "query", Map.of("page", 2, "tag", List.of("a b"))));

    assertThat(result.status()).isEqualTo(200);
  }

  private Map<String, Object> oauth2(String path) {
    return Map.of("url", http.url(path), "authType", "oauth2", "tokenUrl", http.url("/oauth/token"), "clientId", "robot",
        "clientSecret", "secrets.CLIENT_SECRET", "scope", "orders.read");
  }

  private void tokenEndpointIssues(String... tokens) {
    String state = STARTED;
    for (int i = 0; i < tokens.length; i++) {
      String next = "issued-" + i;
      http.server.stubFor(post("/oauth/token").inScenario("tokens").whenScenarioStateIs(state)
          .withBasicAuth("robot", HttpFixture.CLIENT_SECRET).withRequestBody(containing("grant_type=client_credentials"))
          .withRequestBody(containing("scope=orders.read"))
          .willReturn(okJson("{\"access_token\": \"" + tokens[i] + "\", \"token_type\": \"Bearer\", \"expires_in\": 3600}"))
          .willSetStateTo(next));
      state = next;
    }
  }

  @Test
  void shouldReuseTheOAuth2TokenUntilItExpiresWhenJobsFollowEachOther() throws Exception {
    tokenEndpointIssues("token-one-abcdef", "token-two-abcdef");
    http.server.stubFor(get("/orders").withHeader("Authorization", matching("Bearer token-.*")).willReturn(okJson("[]")));

    http.call(1, oauth2("/orders"));
    http.call(2, oauth2("/orders"));
    http.clock.advance(Duration.ofSeconds(3600 - OAuth2TokenCache.SKEW_SECONDS));
    http.call(3, oauth2("/orders"));

    http.server.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
    List<String> sent = http.server.findAll(getRequestedFor(urlEqualTo("/orders"))).stream()
        .map(request -> request.getHeader("Authorization")).toList();
    assertThat(sent).containsExactly("Bearer token-one-abcdef", "Bearer token-one-abcdef", "Bearer token-two-abcdef");
  }

  @Test
  void shouldFetchAFreshTokenWhenTheApiRefusesTheCachedOne() throws Exception {
    tokenEndpointIssues("token-one-abcdef", "token-two-abcdef");
    http.server.stubFor(get("/orders").withHeader("Authorization", equalTo("Bearer token-one-abcdef"))
        .willReturn(aResponse().withStatus(401)));
    http.server.stubFor(get("/orders").withHeader("Authorization", equalTo("Bearer token-two-abcdef")).willReturn(okJson("[]")));

    HttpResult result = http.call(1, oauth2("/orders"));

    assertThat(result.status()).isEqualTo(200);
    http.server.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
  }

  @Test
  void shouldFailPermanentlyNamingTheClientWhenTheTokenEndpointRefusesIt() {
    http.server.stubFor(post("/oauth/token").willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"error\": \"invalid_client\"}")));

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class, () -> http.call(1, oauth2("/orders")));

    assertThat(failure.isRetryable()).isFalse();
    assertThat(failure.getMessage()).isEqualTo(String.format(OAuth2TokenCache.REFUSED, http.url("/oauth/token"), 401,
        " (invalid_client)", "robot", "secrets.CLIENT_SECRET")).doesNotContain(HttpFixture.CLIENT_SECRET);
  }

  @Test
  void shouldThrowTheMappedBpmnErrorWhenAStatusRuleMatches() {
    http.server.stubFor(get("/suppliers/9").willReturn(aResponse().withStatus(404).withBody("no such supplier")));
    http.server.stubFor(get("/suppliers/8").willReturn(aResponse().withStatus(409).withBody("locked")));
    Map<String, Object> rules = Map.of("404", "SUPPLIER_UNKNOWN", "4xx", "CLIENT_ERROR");

    BusinessError notFound = catchThrowableOfType(BusinessError.class,
        () -> http.call(1, Map.of("url", http.url("/suppliers/9"), "errorMapping", rules)));
    BusinessError conflict = catchThrowableOfType(BusinessError.class,
        () -> http.call(2, Map.of("url", http.url("/suppliers/8"), "errorMapping", rules)));

    assertThat(notFound.code()).isEqualTo("SUPPLIER_UNKNOWN");
    assertThat(notFound.variables()).containsEntry("status", 404).containsEntry("body", "no such supplier");
    assertThat(notFound.getMessage()).isEqualTo(String.format(ResponseMapper.MAPPED_STATUS, "GET " + http.url("/suppliers/9"), 404,
        "no such supplier"));
    assertThat(conflict.code()).isEqualTo("CLIENT_ERROR");
  }

  @Test
  void shouldFailPermanentlyWithStatusAndTrimmedBodyWhenA4xxIsNotMapped() {
    String longBody = "{\"error\": \"amount must be positive\", \"detail\": \"" + "x".repeat(5000) + "\"}";
    http.server.stubFor(post("/payments").willReturn(aResponse().withStatus(422).withBody(longBody)));

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class,
        () -> http.call(1, Map.of("method", "POST", "url", http.url("/payments"), "body", Map.of("amount", -5))));

    assertThat(failure.isRetryable()).isFalse();
    assertThat(failure.getMessage()).startsWith("Expected a 2xx response from POST " + http.url("/payments") + ", but got HTTP 422: "
        + "{\"error\": \"amount must be positive\"").contains("{\"422\": \"SOME_CODE\"}");
    assertThat(failure.getMessage().length()).isLessThan(600);
  }

  @Test
  void shouldPostOnlyOnceWhenTheSameJobIsDeliveredAgain() throws Exception {
    http.server.stubFor(post("/payments").withRequestBody(equalToJson("{\"amount\": 120.5, \"iban\": \"DE02120300000000202051\"}"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"paymentId\": \"P-1\"}")));
    Map<String, Object> variables = Map.of("method", "POST", "url", http.url("/payments"),
        "body", Map.of("amount", 120.5, "iban", "DE02120300000000202051"), "responseMapping", Map.of("paymentId", "/paymentId"));

    HttpResult first = http.call(42, variables);
    HttpResult redelivered = http.call(42, variables);

    http.server.verify(1, postRequestedFor(urlEqualTo("/payments")).withHeader("Idempotency-Key", matching("[0-9a-f-]{36}")));
    assertThat(redelivered).isEqualTo(first);
    assertThat(redelivered.mapped()).containsEntry("paymentId", "P-1");
  }

  @Test
  void shouldReportTheEffectInDoubtWhenThePostTimesOutAfterSending() {
    http.server.stubFor(post("/payments").willReturn(aResponse().withStatus(201).withFixedDelay(3000)));

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class,
        () -> http.call(43, Map.of("method", "POST", "url", http.url("/payments"), "timeoutSeconds", 1)));

    assertThat(failure.isRetryable()).isFalse();
    assertThat(failure.getMessage()).contains("may have happened", "POST " + http.url("/payments"));
    assertThat(http.ledger.inDoubt()).extracting(LedgerEntry::key).containsExactly("rpa:http.request:1:43");
    http.server.verify(1, postRequestedFor(urlEqualTo("/payments")));
  }

  @Test
  void shouldMaskSecretsAPeerEchoesInVariablesAndSavedFiles() throws Exception {
    String echo = "{\"seen\": \"Bearer " + HttpFixture.API_TOKEN + "\"}\nline two " + HttpFixture.API_TOKEN + "\n";
    http.server.stubFor(get("/echo").willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(echo)));
    HttpResult inline = http.call(1, Map.of("url", http.url("/echo"), "authType", "bearer", "token", "secrets.API_TOKEN",
        "headers", Map.of("Accept", "application/json")));
    HttpResult saved = http.call(2, Map.of("url", http.url("/echo"), "authType", "bearer", "token", "secrets.API_TOKEN",
        "responseFile", "out/echo.json"));

    assertThat(inline.body().toString()).doesNotContain(HttpFixture.API_TOKEN).contains("***");
    assertThat(saved.bodyFile()).isEqualTo("out/echo.json");
    assertThat(Files.readString(http.workspace.resolve("out/echo.json")))
        .isEqualTo("{\"seen\": \"Bearer ***\"}\nline two ***\n");
  }

  @Test
  void shouldSaveBigAndBinaryBodiesToWorkspaceFilesWhenTheyExceedTheInlineLimit() throws Exception {
    byte[] pdf = new byte[70_000];
    for (int i = 0; i < pdf.length; i++) {
      pdf[i] = (byte) i;
    }
    http.server.stubFor(get("/statement.pdf").willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(pdf)));
    http.server.stubFor(get("/export.csv").willReturn(aResponse().withHeader("Content-Type", "text/csv")
        .withBody("id;amount\n".repeat(1000))));

    HttpResult binary = http.call(7, Map.of("url", http.url("/statement.pdf")));
    HttpResult big = http.call(8, Map.of("url", http.url("/export.csv"), "maxInlineBytes", 1024));

    assertThat(binary.body()).isNull();
    assertThat(binary.bodyFile()).isEqualTo("http/7-response.pdf");
    assertThat(Files.readAllBytes(http.workspace.resolve("http/7-response.pdf"))).isEqualTo(pdf);
    assertThat(big.bodyFile()).isEqualTo("http/8-response.csv");
    assertThat(Files.size(http.workspace.resolve(big.bodyFile()))).isEqualTo(10_000);
  }

  @Test
  void shouldSelectPartsOfTheJsonBodyWhenPointersAreGiven() throws Exception {
    http.server.stubFor(get("/invoice").willReturn(okJson(
        "{\"data\": {\"id\": \"INV-9\", \"lines\": [{\"amount\": 10.5}, {\"amount\": 4}]}, \"meta\": {\"page\": 1}}")));

    HttpResult result = http.call(1, Map.of("url", http.url("/invoice"), "bodyPointer", "/data/lines",
        "responseMapping", Map.of("invoiceId", "/data/id", "firstAmount", "/data/lines/0/amount", "missing", "/nope")));

    assertThat(result.body().size()).isEqualTo(2);
    assertThat(result.mapped()).containsEntry("invoiceId", "INV-9").containsEntry("firstAmount", 10.5).containsEntry("missing", null);
    Map<String, Object> variables = JobContexts.json().convertValue(result, Map.class);
    assertThat(variables).containsKeys("status", "headers", "body", "invoiceId", "firstAmount").doesNotContainKey("mapped");
  }

  @Test
  void shouldSendFormAndFileBodiesWhenGiven() throws Exception {
    Files.createDirectories(http.workspace);
    Files.writeString(http.workspace.resolve("upload.xml"), "<Document/>");
    http.server.stubFor(post("/login").withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(containing("user=clerk")).withRequestBody(containing("password=" + HttpFixture.PASSWORD)).willReturn(aResponse().withStatus(204)));
    http.server.stubFor(post("/upload").withHeader("Content-Type", equalTo("application/xml"))
        .withRequestBody(equalTo("<Document/>")).willReturn(aResponse().withStatus(202)));

    HttpResult login = http.call(1, Map.of("method", "POST", "url", http.url("/login"),
        "form", Map.of("user", "clerk", "password", "{{secrets.PORTAL_PASSWORD}}")));
    HttpResult upload = http.call(2, Map.of("method", "post", "url", http.url("/upload"), "bodyFile", "upload.xml",
        "headers", Map.of("Content-Type", "application/xml")));

    assertThat(login.status()).isEqualTo(204);
    assertThat(upload.status()).isEqualTo(202);
  }

  @Test
  void shouldKeepCredentialsFromAnotherOriginWhenFollowingARedirect() throws Exception {
    try (HttpFixture other = new HttpFixture(directory.resolve("other"))) {
      other.server.stubFor(get("/files/1").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("content")));
      http.server.stubFor(get("/download").willReturn(aResponse().withStatus(302).withHeader("Location", other.url("/files/1"))));

      HttpResult result = http.call(1, Map.of("url", http.url("/download"), "authType", "bearer", "token", "secrets.API_TOKEN",
          "headers", Map.of("X-Api-Key", "{{secrets.PORTAL_PASSWORD}}", "Accept", "text/plain")));

      assertThat(result.body().asText()).isEqualTo("content");
      LoggedRequest followed = other.server.findAll(getRequestedFor(urlEqualTo("/files/1"))).get(0);
      assertThat(followed.containsHeader("Authorization")).isFalse();
      assertThat(followed.containsHeader("X-Api-Key")).isFalse();
      assertThat(followed.getHeader("Accept")).isEqualTo("text/plain");
      http.server.verify(getRequestedFor(urlEqualTo("/download")).withHeader("Authorization", equalTo("Bearer " + HttpFixture.API_TOKEN)));
    }
  }

  @Test
  void shouldRefuseAnUntrustedCertificateWhenCallingHttps() {
    http.close();
    http = new HttpFixture(directory.resolve("tls"),
        com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort());
    http.server.stubFor(get("/secure").willReturn(okJson("{}")));
    String url = "https://127.0.0.1:" + http.server.httpsPort() + "/secure";

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class, () -> http.call(1, Map.of("url", url)));

    assertThat(failure.isRetryable()).isFalse();
    assertThat(failure.getMessage()).startsWith("Expected a trusted TLS certificate from GET " + url);
  }

  @Test
  void shouldRefuseBadInputNamingThePropertyWhenTheRequestIsMalformed() {
    assertThatThrownBy(() -> http.call(1, Map.of("url", "ftp://example.org/x")))
        .hasMessage(String.format(HttpCallFactory.BAD_URL, "ftp://example.org/x"));
    assertThatThrownBy(() -> http.call(1, Map.of("url", http.url("/x"), "method", "FETCH")))
        .hasMessageStartingWith("Expected 'method' to be one of");
    assertThatThrownBy(() -> http.call(1, Map.of("url", http.url("/x"), "errorMapping", Map.of("4zz", "X"))))
        .hasMessage(String.format(ErrorMapping.BAD_RULE, "4zz", "X"));
    assertThatThrownBy(() -> http.call(1, Map.of("url", http.url("/x"), "authType", "basic", "username", "clerk")))
        .hasMessage(String.format(Credentials.MISSING, "password", "basic"));
    assertThatThrownBy(() -> http.call(1, Map.of("method", "POST", "url", http.url("/x"), "body", Map.of(), "form", Map.of("a", "b"))))
        .hasMessage(String.format(HttpCallFactory.TWO_BODIES, List.of("body", "form")));
    assertThatThrownBy(() -> http.call(1, Map.of("url", http.url("/x"), "headers", Map.of("Host", "evil"))))
        .hasMessage(String.format(SingleExchange.RESTRICTED_HEADER, "Host"));
  }

  @Test
  void shouldReadRetryAfterInBothFormsWhenParsing() {
    assertThat(RetryAfter.parse("120", HttpFixture.START)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse("Mon, 02 Mar 2026 09:01:00 GMT", HttpFixture.START)).contains(Duration.ofSeconds(60));
    assertThat(RetryAfter.parse("Mon, 02 Mar 2026 08:00:00 GMT", HttpFixture.START)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse("soon", HttpFixture.START)).isEmpty();
  }

  @Test
  void shouldSendNoAuthorizationHeaderWhenAuthTypeIsNone() throws Exception {
    http.server.stubFor(get("/public").withHeader("Authorization", absent()).willReturn(okJson("{}")));

    assertThat(http.call(1, Map.of("url", http.url("/public"))).status()).isEqualTo(200);
  }
}
