package dev.engranaje.workers.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretSourceTest {

  @Test
  void shouldNeverResolveTheRuntimesOwnCredentialsFromTheEnvironment() {
    // PATH is set in every environment; the reserved names stay unresolvable whatever is set
    SecretSource environment = SecretSource.environment();

    assertThat(environment.lookup("PATH")).isPresent();
    assertThat(environment.lookup("CAMUNDA_CLIENT_SECRET")).isEmpty();
    assertThat(environment.lookup("ZEEBE_CLIENT_SECRET")).isEmpty();
    assertThat(environment.lookup("ENGRANAJE_LEDGER_FILE")).isEmpty();
  }
}
