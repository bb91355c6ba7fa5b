package dev.engranaje.workers.web;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.secrets.SecretResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a {@link WebScript} in a leased session: runs the steps in order, keeps a trace,
 * and on failure saves {@link Evidence} and names it in the failure. Downloads land first in a
 * staging folder of the workspace ({@value #STAGING}), deleted afterwards, so a half-written file
 * never appears under its final name.
 *
 * <p>Not thread-safe; one per job.
 */
final class ScriptRun implements AutoCloseable {
  static final String STEP_FAILED = "Expected step %d (%s) to succeed, but the browser failed: %s";
  static final String WITH_EVIDENCE = "%s; evidence: %s";
  static final String STAGING = ".web-downloads/";
  private static final Logger LOG = LoggerFactory.getLogger(ScriptRun.class);

  private final BrowserSession session;
  private final WebScript script;
  private final JobContext context;
  private final RunState state = new RunState();
  private final Path staging;
  private final StepRunner runner;
  private int current;

  ScriptRun(BrowserSession session, WebScript script, JobContext context, Map<String, Object> variables) throws TechnicalFailure {
    this.session = session;
    this.script = script;
    this.context = context;
    this.staging = context.workspace().resolveForWriting(STAGING + context.job().jobKey() + "/x").getParent();
    try {
      Files.createDirectories(staging);
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Cannot create the download folder in the workspace: " + e.getMessage(), e);
    }
    Placeholders placeholders = new Placeholders(variables, state.extracted);
    this.runner = new StepRunner(session, context, placeholders, state, script.timeout(), staging);
  }

  /**
   * Resolves every secret the script types before the first step, so a model naming a secret this
   * worker was not given fails before the browser sends anything to the portal.
   */
  private void requireSecrets(List<WebStep> steps) throws TechnicalFailure {
    for (WebStep step : steps) {
      if (step instanceof WebStep.Type type) {
        for (String name : SecretResolver.referencedIn(type.text())) {
          context.secrets().byName(name);
        }
      }
    }
  }

  /** Runs every step; the output on success. */
  RunWebScriptOutput execute() throws Exception {
    requireSecrets(script.steps());
    state.originalWindow = session.driver().getWindowHandle();
    state.knownWindows.addAll(session.driver().getWindowHandles());
    session.downloadsTo(staging);
    List<WebStep> steps = script.steps();
    for (int index = 1; index <= steps.size(); index++) {
      current = index;
      WebStep step = steps.get(index - 1);
      Instant started = context.clock().instant();
      LOG.debug("Step {} {}", index, step.describe());
      try {
        runner.run(index, step);
      } catch (IllegalArgumentException invalid) {
        trace(index, step, started, "failed");
        throw TechnicalFailure.permanent(invalid.getMessage(), invalid);
      } catch (WebDriverException | UncheckedIOException broken) {
        trace(index, step, started, "failed");
        LOG.debug("Step {} failed in the browser", index, broken);
        throw TechnicalFailure.retryable(String.format(STEP_FAILED, index, step.kind(), ElementFinder.firstLine(broken)), null);
      } catch (Exception failure) {
        trace(index, step, started, "failed");
        throw failure;
      }
      trace(index, step, started, "ok");
    }
    return new RunWebScriptOutput(state.extracted, state.downloads, state.screenshots, session.kind().label());
  }

  private void trace(int index, WebStep step, Instant started, String outcome) {
    long millis = Duration.between(started, context.clock().instant()).toMillis();
    state.trace.add("step " + index + " " + step.describe() + ": " + outcome + " (" + millis + " ms)");
  }

  /** {@code failure} with the evidence saved for it named in its message (unchanged if no step ran). */
  Exception withEvidence(Exception failure) {
    if (current == 0) {
      return failure;
    }
    Evidence.Saved saved = Evidence.save(runner.pages(), session, context, current, script.steps().get(current - 1).kind(), state.trace);
    String message = String.format(WITH_EVIDENCE, failure.getMessage(), saved.describe());
    if (failure instanceof BusinessError error) {
      Map<String, Object> variables = new HashMap<>(error.variables());
      variables.put("evidence", saved.files());
      return new BusinessError(error.code(), message, variables);
    }
    if (failure instanceof TechnicalFailure technical) {
      return technical.isRetryable() ? TechnicalFailure.retryable(message, technical.getCause())
          : TechnicalFailure.permanent(message, technical.getCause());
    }
    return TechnicalFailure.retryable(message, failure);
  }

  /** Whether the run ended on a failed assert: the page's answer, not a broken browser. */
  boolean failedOnCheck() {
    return state.checkFailed;
  }

  /** The origins the run visited, to clear before the session serves another job. */
  Set<String> origins() {
    return state.origins;
  }

  /** Deletes the staging folder, and its parent when no other job uses it. */
  @Override
  public void close() {
    try (Stream<Path> files = Files.walk(staging)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
      staging.getParent().toFile().delete();
    } catch (IOException | UncheckedIOException e) {
      LOG.debug("Could not delete the download staging folder", e);
    }
  }
}
