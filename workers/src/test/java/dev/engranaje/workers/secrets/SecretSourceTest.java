package dev.engranaje.workers.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretSourceTest {
  private static final Map<String, String> ENVIRONMENT = Map.of(
      "PATH", "/usr/bin:/bin",
      "API_TOKEN", "plain-token-value",
      "CAMUNDA_CLIENT_SECRET", "engine-client-secret",
      "RPA_SECRET_BANK_PASSWORD", "bank-pass-1234");

  @Test
  void shouldResolveOnlyVariablesUnderTheSecretPrefixWhenReadingTheEnvironment() {
    // given
    SecretSource environment = SecretSource.environment(ENVIRONMENT);

    // then
    assertThat(environment.lookup("BANK_PASSWORD")).contains("bank-pass-1234");
    assertThat(environment.lookup("PATH")).isEmpty();
    assertThat(environment.lookup("API_TOKEN")).isEmpty();
    assertThat(environment.lookup("CAMUNDA_CLIENT_SECRET")).isEmpty();
    assertThat(environment.lookup("RPA_SECRET_BANK_PASSWORD")).isEmpty();
  }

  @Test
  void shouldSayToExportUnderThePrefixWithoutTheValueWhenOnlyThePlainVariableExists() {
    // given
    SecretSource environment = SecretSource.environment(ENVIRONMENT);

    // when
    String advice = environment.advice("API_TOKEN");

    // then
    assertThat(advice).isEqualTo(String.format(EnvironmentSecrets.NOT_EXPORTED, "API_TOKEN", "RPA_SECRET_"))
        .contains("export it as RPA_SECRET_API_TOKEN").doesNotContain("plain-token-value");
    assertThat(environment.advice("ABSENT")).isEqualTo("the environment variable RPA_SECRET_ABSENT is not set");
  }

  @Test
  void shouldJoinTheAdviceOfEverySourceWhenNoneKnowsTheName() {
    // given
    SecretSource sources = SecretSource.firstOf(List.of(SecretSource.environment(ENVIRONMENT), name -> java.util.Optional.empty()));

    // then
    assertThat(sources.advice("PATH")).startsWith(String.format(EnvironmentSecrets.NOT_EXPORTED, "PATH", "RPA_SECRET_"))
        .endsWith(", and the secrets do not define it");
    assertThat(SecretSource.firstOf(List.of()).advice("X")).contains("no secrets are configured");
  }
}
