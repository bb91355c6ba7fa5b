package dev.engranaje.workers.web;

import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.catalog.WorkerFactory;
import dev.engranaje.workers.catalog.WorkerSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Makes {@link RunWebScriptWorker} from the optional {@code settings.web} section of {@code
 * worker.yaml}; every key is optional and defaults to {@link WebWorkerConfig#DEFAULT}:
 *
 * <pre>
 * settings:
 *   web:
 *     defaultBrowser: CHROMIUM      # HTMLUNIT (default) or CHROMIUM
 *     chromiumBinary: /usr/bin/chromium
 *     chromedriver: /usr/bin/chromedriver
 *     defaultTimeout: PT10S         # wait per step
 *     maxIdleSessions: 2
 *     maxUsesPerSession: 50
 * </pre>
 */
public final class RunWebScriptWorkerFactory implements WorkerFactory {

  /** The keys of {@code settings.web}; null means the default. */
  record WebSettings(
      BrowserKind defaultBrowser, String chromiumBinary, String chromedriver, Duration defaultTimeout,
      Integer maxIdleSessions, Integer maxUsesPerSession) {

    WebWorkerConfig toConfig() {
      WebWorkerConfig defaults = WebWorkerConfig.DEFAULT;
      return new WebWorkerConfig(
          defaultBrowser == null ? defaults.defaultBrowser() : defaultBrowser,
          chromiumBinary == null ? defaults.chromiumBinary() : Path.of(chromiumBinary),
          chromedriver == null ? defaults.chromedriver() : Path.of(chromedriver),
          defaultTimeout == null ? defaults.defaultTimeout() : defaultTimeout,
          maxIdleSessions == null ? defaults.maxIdleSessions() : maxIdleSessions,
          maxUsesPerSession == null ? defaults.maxUsesPerSession() : maxUsesPerSession);
    }
  }

  @Override
  public String jobType() {
    return RunWebScriptWorker.class.getAnnotation(dev.engranaje.workers.api.JobType.class).value();
  }

  @Override
  public String settingsSection() {
    return "web";
  }

  @Override
  public JobWorker<?, ?> create(WorkerSettings settings) {
    WebWorkerConfig config = settings.isPresent() ? settings.as(WebSettings.class).toConfig() : WebWorkerConfig.DEFAULT;
    return new RunWebScriptWorker(config);
  }
}
