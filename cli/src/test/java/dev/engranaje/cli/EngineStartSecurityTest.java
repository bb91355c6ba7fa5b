package dev.engranaje.cli;

import static dev.engranaje.cli.RpaRun.rpa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.cli.RpaRun.Result;
import dev.engranaje.engine.api.rest.ApiAccess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** {@code rpa engine start} never opens an unauthenticated API beyond loopback, and validates its limits. */
class EngineStartSecurityTest {

  @Test
  void shouldRefuseToStartOnAllInterfacesWithoutCredentials() {
    // given no API credentials in this environment
    Assumptions.assumeTrue(System.getenv(ApiAccess.USER_VARIABLE) == null, "API credentials set in the environment");

    // when
    Result result = rpa("engine", "start", "--in-memory", "--host", "0.0.0.0", "--port", "0");

    // then
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("not a loopback address").contains(ApiAccess.USER_VARIABLE)
        .contains(ApiAccess.PASSWORD_VARIABLE).contains("--insecure-no-auth");
  }

  @Test
  void shouldRefuseAMalformedSizeNamingTheExpectedForm() {
    // when
    Result result = rpa("engine", "start", "--in-memory", "--port", "0", "--max-request-size", "lots");

    // then
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("Expected a size such as 4194304, 512KB, 4MB or 1GB, but got 'lots'");
  }

  @Test
  void shouldRefuseANonPositiveLimitNamingTheOption() {
    // when
    Result result = rpa("engine", "start", "--in-memory", "--port", "0", "--max-connections", "0");

    // then
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("Expected --max-connections to be greater than zero, but got 0");
  }

  @Test
  void shouldRefuseAnIncidentWebhookWhoseUrlCarriesCredentialsWithoutEchoingThem() {
    // when
    Result result = rpa("engine", "start", "--in-memory", "--port", "0", "--incident-webhook",
        "https://ops:hunter2@alerts.example.com/hook");

    // then
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("without credentials").contains(IncidentWebhookOptions.TOKEN_VARIABLE)
        .doesNotContain("hunter2");
  }

  @Test
  void shouldListTheLimitOptionsInHelp() {
    assertThat(rpa("engine", "start", "--help").out()).contains("--max-request-size", "--max-deployment-request-size",
        "--max-header-size", "--idle-timeout", "--read-timeout", "--max-connections", "--insecure-no-auth", "--incident-webhook",
        ApiAccess.USER_VARIABLE);
  }

  @Test
  void shouldReadSizesInBinaryUnits() {
    EngineCommand.ByteSize size = new EngineCommand.ByteSize();
    assertThat(size.convert("4MB")).isEqualTo(4L * 1024 * 1024);
    assertThat(size.convert("512kib")).isEqualTo(512L * 1024);
    assertThat(size.convert("1GB")).isEqualTo(1024L * 1024 * 1024);
    assertThat(size.convert("1000")).isEqualTo(1000L);
  }
}
