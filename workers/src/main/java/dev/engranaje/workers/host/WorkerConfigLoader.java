package dev.engranaje.workers.host;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.engranaje.workers.catalog.InvalidConfiguration;
import dev.engranaje.workers.host.WorkerHostConfig.EngineSettings;
import dev.engranaje.workers.host.WorkerHostConfig.JobSettings;
import dev.engranaje.workers.runtime.Backoff;
import dev.engranaje.workers.runtime.WorkerOptions;
import dev.engranaje.workers.secrets.SecretBindings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code worker.yaml} once, applies environment overrides ({@link #ENVIRONMENT}), validates
 * every value and returns an immutable {@link WorkerHostConfig}, or throws {@link
 * InvalidConfiguration} naming the file and the bad key. Relative paths in the file resolve against
 * the file's directory; relative paths in environment variables against the working directory.
 */
public final class WorkerConfigLoader {
  static final String UNREADABLE = "Expected a readable worker configuration at %s, but %s";
  static final String NOT_YAML = "Expected %s to be a YAML worker configuration, but %s";
  static final String MISSING_KEY = "Expected key '%s' in %s (%s), but it is missing";
  static final String BAD_VALUE = "Expected key '%s' in %s to be %s, but it is %s";
  static final String BAD_HOSTS = "Expected key 'secrets.hosts' in %s to bind secrets to hosts, but %s";
  static final String BAD_DURATION = "Expected a duration like 30s, 5m, 1h, 500ms or PT30S, but got '%s'";
  static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);
  static final int DEFAULT_PORT = 9464;
  static final String DEFAULT_HOST = "127.0.0.1";

  /** Environment variables that override keys of the file, applied before validation. */
  public static final Map<String, String> ENVIRONMENT = environmentKeys();

  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .registerModule(new SimpleModule("durations").addDeserializer(Duration.class, new DurationText()))
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private WorkerConfigLoader() {}

  private static Map<String, String> environmentKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("ENGRANAJE_WORKSPACE_ROOT", "workspace.root");
    keys.put("ENGRANAJE_LEDGER_FILE", "ledger.file");
    keys.put("ENGRANAJE_SECRETS_FILE", "secrets.file");
    keys.put("ENGRANAJE_SERVER_HOST", "server.host");
    keys.put("ENGRANAJE_SERVER_PORT", "server.port");
    keys.put("ENGRANAJE_SHUTDOWN_GRACE", "shutdown.grace");
    return java.util.Collections.unmodifiableMap(keys);
  }

  /** Loads {@code file} with {@code environment} (usually {@code System.getenv()}) overriding it. */
  public static WorkerHostConfig load(Path file, Map<String, String> environment) {
    Path source = file.toAbsolutePath().normalize();
    JsonNode tree = read(source);
    applyEnvironment((ObjectNode) tree, environment);
    ConfigFile raw;
    try {
      raw = YAML.treeToValue(tree, ConfigFile.class);
    } catch (JsonMappingException e) {
      throw new InvalidConfiguration(String.format(NOT_YAML, source, InvalidConfiguration.describe("", e)), e);
    } catch (JsonProcessingException e) {
      throw new InvalidConfiguration(String.format(NOT_YAML, source, e.getOriginalMessage()), e);
    }
    return new Validation(source, raw).config();
  }

  private static JsonNode read(Path source) {
    String text;
    try {
      text = Files.readString(source);
    } catch (IOException e) {
      throw new InvalidConfiguration(String.format(UNREADABLE, source,
          Files.exists(source) ? "it cannot be read: " + e.getMessage() : "there is no such file"), e);
    }
    try {
      JsonNode tree = YAML.readTree(text);
      if (tree == null || tree.isMissingNode() || tree.isNull()) {
        return YAML.createObjectNode();
      }
      if (!tree.isObject()) {
        throw new InvalidConfiguration(String.format(NOT_YAML, source, "its top level is not a mapping of keys"));
      }
      return tree;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": ";
      throw new InvalidConfiguration(String.format(NOT_YAML, source, where + e.getOriginalMessage()), e);
    }
  }

  private static void applyEnvironment(ObjectNode tree, Map<String, String> environment) {
    ENVIRONMENT.forEach((variable, key) -> {
      String value = environment.get(variable);
      if (value == null || value.isBlank()) {
        return;
      }
      if (key.endsWith(".root") || key.endsWith(".file")) {
        value = Path.of(value).toAbsolutePath().normalize().toString();
      }
      String[] parts = key.split("\\.");
      JsonNode section = tree.get(parts[0]);
      ObjectNode object = section instanceof ObjectNode existing ? existing : tree.putObject(parts[0]);
      object.put(parts[1], value);
    });
  }

  /** Parses a duration: ISO-8601 ({@code PT30S}) or a number with a unit ({@code 30s}, {@code 5m}). */
  static Duration parseDuration(String text) {
    String trimmed = text.trim();
    Matcher shortForm = SHORT_DURATION.matcher(trimmed);
    if (shortForm.matches()) {
      long amount = Long.parseLong(shortForm.group(1));
      return switch (shortForm.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(trimmed);
    } catch (DateTimeParseException e) {
      throw new InvalidConfiguration(String.format(BAD_DURATION, text));
    }
  }

  private static final class DurationText extends JsonDeserializer<Duration> {
    @Override
    public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      try {
        return parseDuration(parser.getValueAsString(""));
      } catch (InvalidConfiguration e) {
        throw JsonMappingException.from(parser, e.getMessage(), e);
      }
    }
  }

  /** Turns the file's shape into the validated configuration, one key at a time. */
  private record Validation(Path source, ConfigFile raw) {

    WorkerHostConfig config() {
      ConfigFile.Workspace workspace = Optional.ofNullable(raw.workspace()).orElse(new ConfigFile.Workspace(null, null));
      Path root = path("workspace.root", required("workspace.root", workspace.root(), "the directory for the instances' files"));
      Map<String, Path> areas = new LinkedHashMap<>();
      Optional.ofNullable(workspace.areas()).orElse(Map.of()).forEach((name, dir) -> {
        if (!name.matches("[A-Za-z][A-Za-z0-9_-]+")) {
          throw bad("workspace.areas." + name, "an area name of letters, digits, - or _ (at least 2 characters)", "not");
        }
        areas.put(name, path("workspace.areas." + name, required("workspace.areas." + name, dir, "a directory")));
      });
      ConfigFile.Secrets secrets = Optional.ofNullable(raw.secrets()).orElse(new ConfigFile.Secrets(null, null, null));
      ConfigFile.Ledger ledger = Optional.ofNullable(raw.ledger()).orElse(new ConfigFile.Ledger(null));
      Path ledgerFile = path("ledger.file", required("ledger.file", ledger.file(), "the SQLite idempotency ledger file"));
      ConfigFile.Server server = Optional.ofNullable(raw.server()).orElse(new ConfigFile.Server(null, null));
      int port = Optional.ofNullable(server.port()).orElse(DEFAULT_PORT);
      if (port < 0 || port > 65535) {
        throw bad("server.port", "a port from 1 to 65535, or 0 to turn the endpoint off", Integer.toString(port));
      }
      String host = Optional.ofNullable(server.host()).filter(h -> !h.isBlank()).orElse(DEFAULT_HOST);
      Duration grace = Optional.ofNullable(raw.shutdown()).map(ConfigFile.Shutdown::grace).orElse(DEFAULT_GRACE);
      if (grace.isNegative()) {
        throw bad("shutdown.grace", "zero or a positive duration", grace.toString());
      }
      ConfigFile.Job defaultsRaw = raw.defaults();
      WorkerOptions defaults = options("defaults", defaultsRaw, WorkerOptions.DEFAULT);
      boolean enabledByDefault = defaultsRaw != null && Boolean.TRUE.equals(defaultsRaw.enabled());
      Map<String, JobSettings> jobs = new LinkedHashMap<>();
      Optional.ofNullable(raw.jobs()).orElse(Map.of()).forEach((type, job) -> {
        ConfigFile.Job own = job == null ? new ConfigFile.Job(null, null, null, null, null, null) : job;
        jobs.put(type, new JobSettings(!Boolean.FALSE.equals(own.enabled()), options("jobs." + type, own, defaults)));
      });
      return new WorkerHostConfig(engine(), root, areas, secrets.file() == null ? null : path("secrets.file", secrets.file()),
          !Boolean.FALSE.equals(secrets.environment()), bindings(secrets.hosts()), ledgerFile, host, port, grace, enabledByDefault, defaults, jobs,
          Optional.ofNullable(raw.settings()).orElse(Map.of()));
    }

    private SecretBindings bindings(Map<String, List<String>> hosts) {
      Map<String, List<String>> checked = new LinkedHashMap<>();
      Optional.ofNullable(hosts).orElse(Map.of()).forEach((name, entries) -> {
        if (entries == null || entries.isEmpty()) {
          throw bad("secrets.hosts." + name, "a list of hosts like [bank.example.com, \"127.0.0.1:8443\"]", "empty");
        }
        checked.put(name, entries);
      });
      try {
        return SecretBindings.of(checked);
      } catch (IllegalArgumentException e) {
        throw new InvalidConfiguration(String.format(BAD_HOSTS, source, e.getMessage()), e);
      }
    }

    private EngineSettings engine() {
      ConfigFile.Engine engine = raw.engine();
      return engine == null ? EngineSettings.NONE : new EngineSettings(engine.address(), engine.grpcAddress(),
          engine.clientId(), engine.authorizationServerUrl(), engine.audience());
    }

    private WorkerOptions options(String prefix, ConfigFile.Job job, WorkerOptions base) {
      if (job == null) {
        return base;
      }
      int maxJobsActive = Optional.ofNullable(job.maxJobsActive()).orElse(base.maxJobsActive());
      if (maxJobsActive < 1) {
        throw bad(prefix + ".maxJobsActive", "a whole number of at least 1", Integer.toString(maxJobsActive));
      }
      Duration timeout = Optional.ofNullable(job.timeout()).orElse(base.timeout());
      if (timeout.isNegative() || timeout.isZero()) {
        throw bad(prefix + ".timeout", "a positive duration", timeout.toString());
      }
      int retries = Optional.ofNullable(job.retries()).orElse(base.retries());
      if (retries < 0) {
        throw bad(prefix + ".retries", "zero or more", Integer.toString(retries));
      }
      return new WorkerOptions(maxJobsActive, timeout, Optional.ofNullable(job.fetchVariables()).orElse(base.fetchVariables()),
          retries, backoff(prefix + ".backoff", job.backoff(), base.backoff()));
    }

    private Backoff backoff(String prefix, ConfigFile.Backoff raw, Backoff base) {
      if (raw == null) {
        return base;
      }
      Duration initial = Optional.ofNullable(raw.initial()).orElse(base.initial());
      double multiplier = Optional.ofNullable(raw.multiplier()).orElse(base.multiplier());
      Duration max = Optional.ofNullable(raw.max()).orElse(base.max());
      if (initial.isNegative()) {
        throw bad(prefix + ".initial", "zero or a positive duration", initial.toString());
      }
      if (multiplier < 1.0) {
        throw bad(prefix + ".multiplier", "a number of at least 1", Double.toString(multiplier));
      }
      if (max.compareTo(initial) < 0) {
        throw bad(prefix + ".max", "at least the initial backoff " + initial, max.toString());
      }
      return new Backoff(initial, multiplier, max);
    }

    private String required(String key, String value, String what) {
      if (value == null || value.isBlank()) {
        throw new InvalidConfiguration(String.format(MISSING_KEY, key, source, what));
      }
      return value;
    }

    private Path path(String key, String value) {
      try {
        return source.getParent().resolve(value).toAbsolutePath().normalize();
      } catch (java.nio.file.InvalidPathException e) {
        throw bad(key, "a file system path", "'" + value + "' (" + e.getReason() + ")");
      }
    }

    private InvalidConfiguration bad(String key, String expected, String actual) {
      return new InvalidConfiguration(String.format(BAD_VALUE, key, source, expected, actual));
    }
  }
}
