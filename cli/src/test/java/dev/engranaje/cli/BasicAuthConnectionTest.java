package dev.engranaje.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.Engine;
import dev.engranaje.engine.EngineOptions;
import dev.engranaje.engine.api.rest.ApiAccess;
import dev.engranaje.workers.host.WorkerHostConfig.EngineSettings;
import dev.engranaje.workers.secrets.Redactor;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CLI's client authenticates to an engine started with API credentials, from the client's own
 * basic-auth variables or the engine's, and registers the password with the redactor.
 */
class BasicAuthConnectionTest {

  private Engine engine;
  private String address;

  @BeforeEach
  void start() {
    engine = Engine.start(EngineOptions.builder().inMemory().port(0)
        .apiAccess(new ApiAccess("operator", "op-secret-1", false)).build());
    address = engine.restAddress().toString();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void shouldBeRefusedWithoutCredentials() {
    try (CamundaClient client = client(Map.of())) {
      ProblemException refused = catchThrowableOfType(ProblemException.class,
          () -> client.newTopologyRequest().send().join());
      assertThat(refused.code()).isEqualTo(401);
    }
  }

  @Test
  void shouldAuthenticateWithTheClientsBasicAuthVariables() {
    // given
    Redactor redactor = new Redactor();

    // when
    try (CamundaClient client = client(Map.of(ConnectionOptions.BASIC_USER, "operator",
        ConnectionOptions.BASIC_PASSWORD, "op-secret-1"), redactor)) {

      // then
      assertThat(client.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
      assertThat(redactor.redact("password op-secret-1")).doesNotContain("op-secret-1");
    }
  }

  @Test
  void shouldAuthenticateWithTheEnginesVariables() {
    try (CamundaClient client = client(Map.of(ApiAccess.USER_VARIABLE, "operator",
        ApiAccess.PASSWORD_VARIABLE, "op-secret-1"))) {
      assertThat(client.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
    }
  }

  @Test
  void shouldSayWhatIsMissingWhenOnlyTheUserIsSet() {
    UserError error = catchThrowableOfType(UserError.class,
        () -> client(Map.of(ConnectionOptions.BASIC_USER, "operator")).close());
    assertThat(error).hasMessageContaining("no password").hasMessageContaining(ConnectionOptions.BASIC_PASSWORD);
  }

  private CamundaClient client(Map<String, String> environment) {
    return client(environment, new Redactor());
  }

  private CamundaClient client(Map<String, String> environment, Redactor redactor) {
    ConnectionOptions options = new ConnectionOptions();
    options.address = address;
    return options.newClient(EngineSettings.NONE, 0, redactor, environment);
  }
}
