package dev.engranaje.workers.host;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engranaje.workers.runtime.WorkerOptions;
import dev.engranaje.workers.secrets.SecretBindings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code worker.yaml}: every path absolute, every default applied. Made by {@link
 * WorkerConfigLoader}; see docs/workers/runtime.md for the file format.
 *
 * @param engine where the engine is; unset values fall back to the client's environment variables
 * @param workspaceRoot the directory holding one workspace per process instance
 * @param areas named directories workers reference as {@code name:path} (e.g. inbox, outbox)
 * @param secretsFile a properties file of secrets, or null for none
 * @param secretsFromEnvironment whether secrets are looked up in the environment's {@code RPA_SECRET_*} variables
 *     (first) too
 * @param secretBindings the hosts bound secrets may be sent to ({@code secrets.hosts})
 * @param ledgerFile the SQLite idempotency ledger
 * @param serverHost the address the health and metrics endpoint binds (default 127.0.0.1)
 * @param serverPort its port; 0 turns it off
 * @param shutdownGrace how long running jobs may take to finish once shutdown starts
 * @param enabledByDefault whether catalog workers not listed under {@code jobs} run
 * @param defaults the options of job types not overriding them
 * @param jobs per job type: whether it runs and its options (defaults merged in)
 * @param settings the workers' own sections, by section name
 */
public record WorkerHostConfig(
    EngineSettings engine,
    Path workspaceRoot,
    Map<String, Path> areas,
    Path secretsFile,
    boolean secretsFromEnvironment,
    SecretBindings secretBindings,
    Path ledgerFile,
    String serverHost,
    int serverPort,
    Duration shutdownGrace,
    boolean enabledByDefault,
    WorkerOptions defaults,
    Map<String, JobSettings> jobs,
    Map<String, JsonNode> settings) {

  public WorkerHostConfig {
    areas = Map.copyOf(areas);
    jobs = Map.copyOf(jobs);
    settings = Map.copyOf(settings);
  }

  /** Whether {@code jobType} runs: its own {@code enabled}, else {@link #enabledByDefault()}. */
  public boolean enabled(String jobType) {
    JobSettings own = jobs.get(jobType);
    return own != null ? own.enabled() : enabledByDefault;
  }

  /** The options of {@code jobType}: its own merged over the defaults. */
  public WorkerOptions options(String jobType) {
    return Optional.ofNullable(jobs.get(jobType)).map(JobSettings::options).orElse(defaults);
  }

  /** The engine connection; every field may be null (then the environment or the default applies). */
  public record EngineSettings(String address, String grpcAddress, String clientId, String authorizationServerUrl,
      String audience) {
    public static final EngineSettings NONE = new EngineSettings(null, null, null, null, null);
  }

  /** One job type's settings. */
  public record JobSettings(boolean enabled, WorkerOptions options) {}
}
