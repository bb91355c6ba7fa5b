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

/** Where secret values come from. Implementations are thread-safe. */
@FunctionalInterface
public interface SecretSource {

  Optional<String> lookup(String name);

  /**
   * The process environment, except the runtime's own settings and credentials ({@code CAMUNDA_*},
   * {@code ZEEBE_*}, {@code ENGRANAJE_*}): a model must not be able to send the engine's client
   * secret to a peer of its choosing through a secret reference.
   */
  static SecretSource environment() {
    return name -> RESERVED_ENVIRONMENT_PREFIXES.stream().anyMatch(name::startsWith)
        ? Optional.empty()
        : Optional.ofNullable(System.getenv(name));
  }

  /** Environment variables that are never secrets for workers. */
  List<String> RESERVED_ENVIRONMENT_PREFIXES = List.of("CAMUNDA_", "ZEEBE_", "ENGRANAJE_");

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
    return of(values);
  }

  /** The first source that knows the name wins. */
  static SecretSource firstOf(List<SecretSource> sources) {
    List<SecretSource> copy = List.copyOf(sources);
    return name -> copy.stream().map(s -> s.lookup(name)).flatMap(Optional::stream).findFirst();
  }
}
