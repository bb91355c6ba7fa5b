package dev.engranaje.workers.host;

import dev.engranaje.workers.catalog.InvalidConfiguration;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretSource;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secrets the host resolves references with: the environment's {@code RPA_SECRET_*} variables
 * first (when {@code secrets.environment} is not false), then the secrets file; nothing else. The environment wins so that a
 * deployment can override one value without editing the file, the same rule as for every other
 * setting. Values shorter than 4 characters cannot be masked; each is warned about by name, once
 * (the file's at start, the environment's at first use).
 */
record HostSecrets(SecretSource source, List<String> unmaskableInFile) {
  static final String UNREADABLE = "Expected a readable secrets file at %s (key 'secrets.file'), but %s";
  static final String SHORT = "Secret '{}' is shorter than 4 characters, so it cannot be masked in logs and messages;"
      + " use a longer value";
  private static final Logger LOG = LoggerFactory.getLogger(HostSecrets.class);
  private static final int MIN_MASKABLE = 4;

  /**
   * @param environment the process environment's secrets ({@link SecretSource#environment}), used when
   *     the configuration allows it
   */
  static HostSecrets from(WorkerHostConfig config, Redactor redactor, SecretSource environment) {
    List<SecretSource> sources = new ArrayList<>();
    if (config.secretsFromEnvironment()) {
      sources.add(warningOnShort(environment));
    }
    List<String> unmaskable = new ArrayList<>();
    if (config.secretsFile() != null) {
      sources.add(file(config, redactor, unmaskable));
    }
    return new HostSecrets(SecretSource.firstOf(sources), List.copyOf(unmaskable));
  }

  private static SecretSource file(WorkerHostConfig config, Redactor redactor, List<String> unmaskable) {
    Properties values = new Properties();
    try (Reader reader = Files.newBufferedReader(config.secretsFile(), StandardCharsets.UTF_8)) {
      values.load(reader);
    } catch (IOException e) {
      throw new InvalidConfiguration(String.format(UNREADABLE, config.secretsFile(),
          Files.exists(config.secretsFile()) ? "it cannot be read: " + e.getMessage() : "there is no such file"), e);
    }
    values.stringPropertyNames().stream().sorted().forEach(name -> {
      String value = values.getProperty(name);
      if (value.length() < MIN_MASKABLE) {
        LOG.warn(SHORT, name);
        unmaskable.add(name);
      }
      // masked from the start, so a value echoed by a library before any job resolves it is hidden too
      redactor.register(value);
    });
    Map<String, String> copy = new HashMap<>();
    values.stringPropertyNames().forEach(name -> copy.put(name, values.getProperty(name)));
    SecretSource fromFile = SecretSource.of(copy);
    return new SecretSource() {
      @Override
      public Optional<String> lookup(String name) {
        return fromFile.lookup(name);
      }

      @Override
      public String advice(String name) {
        return "the secrets file " + config.secretsFile() + " does not define it";
      }
    };
  }

  private static SecretSource warningOnShort(SecretSource source) {
    Set<String> warned = ConcurrentHashMap.newKeySet();
    return new SecretSource() {
      @Override
      public Optional<String> lookup(String name) {
        Optional<String> value = source.lookup(name);
        if (value.isPresent() && value.get().length() < MIN_MASKABLE && warned.add(name)) {
          LOG.warn(SHORT, name);
        }
        return value;
      }

      @Override
      public String advice(String name) {
        return source.advice(name);
      }
    };
  }
}
