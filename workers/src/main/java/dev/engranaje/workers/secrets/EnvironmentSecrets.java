package dev.engranaje.workers.secrets;

import java.util.Map;
import java.util.Optional;

/**
 * The environment variables under {@value SecretSource#ENVIRONMENT_PREFIX}; see {@link
 * SecretSource#environment(Map)}. When a model asks for {@code secrets.X} and the plain variable
 * {@code X} exists, the advice says to export it under the prefix (an operator migrating from
 * unscoped secrets), without its value. Immutable.
 */
final class EnvironmentSecrets implements SecretSource {
  static final String NOT_EXPORTED = "the environment variable %2$s%1$s is not set (%1$s is, but plain environment"
      + " variables are never secrets: if models may use it, export it as %2$s%1$s)";
  static final String NOT_SET = "the environment variable %2$s%1$s is not set";

  private final Map<String, String> environment;

  EnvironmentSecrets(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  @Override
  public Optional<String> lookup(String name) {
    return Optional.ofNullable(environment.get(ENVIRONMENT_PREFIX + name));
  }

  @Override
  public String advice(String name) {
    return String.format(environment.containsKey(name) ? NOT_EXPORTED : NOT_SET, name, ENVIRONMENT_PREFIX);
  }
}
