package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.engine.api.rest.ServerLimits;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bodies that are JSON but not what a route expects get a 400 that says which property and what
 * was expected, never a 500 or Jackson's internals; what a client sent is never echoed at length.
 */
class MalformedBodyTest {

  private final ServerUnderAttack target = new ServerUnderAttack(ServerLimits.DEFAULTS);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    target.close();
  }

  private JsonNode post(String path, String body, int expectedStatus) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(target.server.address().resolve(path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    assertThat(response.body()).doesNotContain("Source:", "java.", "com.fasterxml", "io.camunda", "Cannot deserialize");
    return new ObjectMapper().readTree(response.body());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "null|null",
      "[]|an array",
      "42|an integer",
      "\"text\"|a string",
      "true|a boolean"})
  void shouldAnswer400NamingWhatWasExpectedWhenBodyIsNotAnObject(String body, String got) throws Exception {
    // when
    JsonNode problem = post("/v2/jobs/activation", body, 400);

    // then
    assertThat(problem.get("detail").asText()).isEqualTo("Expected a JSON object as request body, but got " + got);
    target.servesNormalInstance();
  }

  @Test
  void shouldNameThePropertyAndTypeWhenAValueHasTheWrongType() throws Exception {
    // when
    JsonNode problem = post("/v2/jobs/activation", "{\"type\":\"t\",\"maxJobsToActivate\":\"many\"}", 400);

    // then
    assertThat(problem.get("detail").asText())
        .isEqualTo("Expected property 'maxJobsToActivate' to be an integer, but got the string 'many'");
  }

  @Test
  void shouldNameTheNestedPropertyWhenAnObjectIsExpected() throws Exception {
    // when
    JsonNode problem = post("/v2/messages/publication", "{\"name\":\"m\",\"variables\":[1,2]}", 400);

    // then
    assertThat(problem.get("detail").asText())
        .startsWith("Expected property 'variables' to be an object, but got ");
  }

  @Test
  void shouldNotEchoAHugeNameWhenAnswering404() throws Exception {
    // given a name of a megabyte
    String name = "n".repeat(1_000_000);

    // when
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(target.server.address().resolve("/v2/" + name))
        .GET().build(), HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(response.statusCode()).isIn(404, 414, 431);
    assertThat(response.body().length()).isLessThan(1_000);
    target.servesNormalInstance();
  }

  @Test
  void shouldCutLongQuotedValuesInTheDetailOfAnEngineRejection() throws Exception {
    // given a long message name (within the engine's name limit)
    String name = "m".repeat(1_000);

    // when correlating it finds no subscription
    JsonNode problem = post("/v2/messages/correlation", "{\"name\":\"" + name + "\",\"correlationKey\":\"k\"}", 404);

    // then the name is cut to 100 characters
    String detail = problem.get("detail").asText();
    assertThat(detail.length()).isLessThan(400);
    assertThat(detail).contains("m".repeat(100) + "…");
    target.servesNormalInstance();
  }
}
