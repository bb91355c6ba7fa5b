package dev.engranaje.workers.secrets;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Where secret values come from: only what the operator gave the runtime explicitly (a secrets file,
 * environment variables under {@value #ENVIRONMENT_PREFIX}), never arbitrary environment
 * variables. Implementations are thread-safe.
 */
@FunctionalInterface
public interface SecretSource {
  /** {@code secrets.BANK_PASSWORD} is the environment variable {@code RPA_SECRET_BANK_PASSWORD}. */
  String ENVIRONMENT_PREFIX = "RPA_SECRET_";

  Optional<String> lookup(String name);

  /**
   * What to do when {@code name} is missing, for the failure message: where it could be set. Never
   * contains a value.
   */
  default String advice(String name) {
    return "the secrets do not define it";
  }

  /**
   * The environment variables under {@value #ENVIRONMENT_PREFIX}: {@code secrets.NAME} reads
   * {@code RPA_SECRET_NAME} and nothing else, so a model cannot name {@code PATH}, a database URL or
   * the engine's client secret and have it sent to a peer of its choosing.
   *
   * @param environment usually {@code System.getenv()}; copied
   */
  static SecretSource environment(Map<String, String> environment) {
    return new EnvironmentSecrets(environment);
  }

  /** Fixed values, for tests and embedding. */
  static SecretSource of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return name -> Optional.ofNullable(copy.get(name));
  }

  /**
   * A secrets file in Java properties format ({@code NAME=value}, UTF-8). Read once; keep it
   * readable only by the runtime's user.
   */
  static SecretSource file(Path path) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    Map<String, String> values = new HashMap<>();
    properties.stringPropertyNames().forEach(name -> values.put(name, properties.getProperty(name)));
    Map<String, String> copy = Map.copyOf(values);
    return new SecretSource() {
      @Override
      public Optional<String> lookup(String name) {
        return Optional.ofNullable(copy.get(name));
      }

      @Override
      public String advice(String name) {
        return "the secrets file " + path + " does not define it; add " + name + "=... to it";
      }
    };
  }

  /** The first source that knows the name wins; a missing name gets the advice of every source. */
  static SecretSource firstOf(List<SecretSource> sources) {
    List<SecretSource> copy = List.copyOf(sources);
    return new SecretSource() {
      @Override
      public Optional<String> lookup(String name) {
        return copy.stream().map(s -> s.lookup(name)).flatMap(Optional::stream).findFirst();
      }

      @Override
      public String advice(String name) {
        return copy.isEmpty() ? "no secrets are configured (neither a secrets file nor the environment)"
            : copy.stream().map(s -> s.advice(name)).collect(Collectors.joining(", and "));
      }
    };
  }
}
