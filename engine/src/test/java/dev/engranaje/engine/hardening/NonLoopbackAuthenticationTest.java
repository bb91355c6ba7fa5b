package dev.engranaje.engine.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.api.rest.ApiAccess;
import dev.engranaje.engine.api.rest.RestServer;
import dev.engranaje.engine.api.rest.ServerLimits;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ProblemException;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * An API on a non-loopback address never starts open by accident: it needs credentials (HTTP basic,
 * which the official client sends) or an explicit insecure opt-in. With credentials, a request
 * without them is 401 and one with them is served.
 */
class NonLoopbackAuthenticationTest {

  private static final ApiAccess CREDENTIALS = new ApiAccess("bot", "s3cret-pässword", false);

  @Test
  void shouldRefuseToStartWhenNonLoopbackHostHasNoCredentials() {
    try (TestEngine engine = TestEngine.inMemory()) {
      // when / then
      assertThatThrownBy(() -> RestServer.start(engine.engine().gateway(), "0.0.0.0", 0, ServerLimits.DEFAULTS,
          ApiAccess.OPEN))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Expected API credentials to listen on 0.0.0.0, which is not a loopback address")
          .hasMessageContaining(ApiAccess.USER_VARIABLE)
          .hasMessageContaining(ApiAccess.PASSWORD_VARIABLE)
          .hasMessageContaining("--insecure-no-auth");
    }
  }

  @Test
  void shouldStartOpenOnNonLoopbackHostOnlyWhenExplicitlyInsecure() {
    try (TestEngine engine = TestEngine.inMemory();
        RestServer server = RestServer.start(engine.engine().gateway(), "0.0.0.0", 0, ServerLimits.DEFAULTS,
            new ApiAccess(null, null, true));
        CamundaClient client = TestEngine.newClient(URI.create("http://127.0.0.1:" + server.port()))) {
      // then
      assertThat(client.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
    }
  }

  @Test
  void shouldAnswer401WithoutCredentialsAnd200WithThemWhenTheOfficialClientAuthenticates() {
    try (ServerUnderAttack target = new ServerUnderAttack(ServerLimits.DEFAULTS, CREDENTIALS, "0.0.0.0");
        CamundaClient anonymous = TestEngine.newClient(URI.create("http://127.0.0.1:" + target.server.port()));
        CamundaClient wrong = authenticated(target, "bot", "guess");
        CamundaClient bot = authenticated(target, "bot", "s3cret-pässword")) {
      // when
      ProblemException withoutCredentials = catchThrowableOfType(ProblemException.class,
          () -> anonymous.newTopologyRequest().send().join());
      ProblemException withWrongPassword = catchThrowableOfType(ProblemException.class,
          () -> wrong.newTopologyRequest().send().join());

      // then
      assertThat(withoutCredentials.code()).isEqualTo(401);
      assertThat(withoutCredentials.details().getDetail()).contains("the request has no Authorization header")
          .contains("CAMUNDA_BASIC_AUTH_USERNAME");
      assertThat(withWrongPassword.code()).isEqualTo(401);
      assertThat(withWrongPassword.details().getDetail()).contains("the user or password is wrong")
          .doesNotContain("s3cret");
      assertThat(bot.newTopologyRequest().send().join().getBrokers()).isNotEmpty();
    }
  }

  private static CamundaClient authenticated(ServerUnderAttack target, String user, String password) {
    URI address = URI.create("http://127.0.0.1:" + target.server.port());
    return CamundaClient.newClientBuilder().restAddress(address).grpcAddress(address).preferRestOverGrpc(true)
        .credentialsProvider(CredentialsProvider.newBasicAuthCredentialsProviderBuilder().username(user)
            .password(password).applyEnvironmentOverrides(false).build())
        .build();
  }
}
