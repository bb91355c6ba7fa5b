package dev.engranaje.engine;

import dev.engranaje.engine.api.rest.ApiAccess;
import dev.engranaje.engine.api.rest.ServerLimits;
import dev.engranaje.engine.history.HistoryRetention;
import dev.engranaje.engine.processing.ProcessingObserver;
import dev.engranaje.engine.snapshot.SnapshotPolicy;
import dev.engranaje.engine.storage.MaintenanceObserver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How an embedded engine runs. Immutable; build with {@link #builder()}.
 *
 * @param dataDirectory where the SQLite database lives; null means in-memory (nothing survives
 *     close). Default: {@code ./data}.
 * @param host the address the REST API binds to. Default {@code 127.0.0.1} (loopback only).
 * @param port the REST port; 0 picks a free port. Default 8080, the Camunda client's default.
 * @param restEnabled whether to serve the REST API at all. Default true.
 * @param clock the engine's only source of time (timers, deadlines, TTL, backoff). Default UTC
 *     system clock.
 * @param durableCommits true makes every commit fsync the write-ahead log (SQLite {@code
 *     synchronous=FULL}), surviving power loss; false ({@code NORMAL}) survives process crashes
 *     such as {@code kill -9} but may lose the last commits on power loss. Default true.
 * @param limits what one command, deployment and FEEL evaluation may hold. Default {@link
 *     EngineLimits#defaults()} (Zeebe-like; see docs/engine/limits.md).
 * @param serverLimits what the REST server accepts and how long it waits (body and header sizes,
 *     timeouts, connections). Default {@link ServerLimits#DEFAULTS}.
 * @param apiAccess who may use the REST API: open by default, which is allowed only on loopback;
 *     any other host needs credentials or an explicit insecure opt-in.
 * @param observer sees the processor's units of work and the opened record log: a seam for
 *     diagnostics and fault-injection tests. Default {@link ProcessingObserver#NONE}.
 * @param historyRetention how long the history keeps a finished process instance (and everything it
 *     owns) after it ended; older ones are removed in small batches every minute, off the processor.
 *     Default {@link HistoryRetention#DEFAULT} (30 days).
 * @param snapshots when the engine snapshots its state (and then compacts the log). Default {@link
 *     SnapshotPolicy#DEFAULT} (every 50,000 records or 5 minutes, and on a clean stop).
 * @param maintenanceObserver sees snapshot, compaction and retention transactions before they
 *     commit: a seam for crash tests. Default {@link MaintenanceObserver#NONE}.
 */
public record EngineOptions(
    Path dataDirectory, String host, int port, boolean restEnabled, Clock clock, boolean durableCommits,
    EngineLimits limits, ServerLimits serverLimits, ApiAccess apiAccess,
    ProcessingObserver observer, Duration historyRetention, SnapshotPolicy snapshots,
    MaintenanceObserver maintenanceObserver) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  public EngineOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(serverLimits, "serverLimits");
    Objects.requireNonNull(apiAccess, "apiAccess");
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(historyRetention, "historyRetention");
    Objects.requireNonNull(snapshots, "snapshots");
    Objects.requireNonNull(maintenanceObserver, "maintenanceObserver");
    if (historyRetention.isNegative() || historyRetention.isZero()) {
      throw new IllegalArgumentException("Expected a positive history retention, but got " + historyRetention);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Expected a port between 0 and 65535, but got " + port);
    }
  }


  public boolean inMemory() {
    return dataDirectory == null;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options for tests: in-memory, random port. */
  public static EngineOptions inMemoryForTests() {
    return builder().inMemory().port(0).build();
  }

  /** Builder with documented defaults; see the record components. */
  public static final class Builder {
    private Path dataDirectory = Path.of("data");
    private String host = DEFAULT_HOST;
    private int port = DEFAULT_PORT;
    private boolean restEnabled = true;
    private Clock clock = Clock.systemUTC();
    private boolean durableCommits = true;
    private EngineLimits limits = EngineLimits.defaults();
    private ServerLimits serverLimits = ServerLimits.DEFAULTS;
    private ApiAccess apiAccess = ApiAccess.OPEN;
    private ProcessingObserver observer = ProcessingObserver.NONE;
    private Duration historyRetention = HistoryRetention.DEFAULT;
    private SnapshotPolicy snapshots = SnapshotPolicy.DEFAULT;
    private MaintenanceObserver maintenanceObserver = MaintenanceObserver.NONE;

    public Builder dataDirectory(Path dataDirectory) {
      this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
      return this;
    }

    public Builder inMemory() {
      this.dataDirectory = null;
      return this;
    }

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder restEnabled(boolean restEnabled) {
      this.restEnabled = restEnabled;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder durableCommits(boolean durableCommits) {
      this.durableCommits = durableCommits;
      return this;
    }

    public Builder limits(EngineLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    public Builder serverLimits(ServerLimits serverLimits) {
      this.serverLimits = Objects.requireNonNull(serverLimits, "serverLimits");
      return this;
    }

    public Builder apiAccess(ApiAccess apiAccess) {
      this.apiAccess = Objects.requireNonNull(apiAccess, "apiAccess");
      return this;
    }

    public Builder observer(ProcessingObserver observer) {
      this.observer = observer;
      return this;
    }

    public Builder historyRetention(Duration historyRetention) {
      this.historyRetention = historyRetention;
      return this;
    }

    public Builder snapshots(SnapshotPolicy snapshots) {
      this.snapshots = snapshots;
      return this;
    }

    public Builder maintenanceObserver(MaintenanceObserver maintenanceObserver) {
      this.maintenanceObserver = maintenanceObserver;
      return this;
    }

    public EngineOptions build() {
      return new EngineOptions(dataDirectory, host, port, restEnabled, clock, durableCommits, limits,
          serverLimits, apiAccess, observer, historyRetention, snapshots, maintenanceObserver);
    }
  }
}
