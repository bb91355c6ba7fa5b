package dev.engranaje.workers.web;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a declarative web script ({@link WebStep}s) against a portal: log in, navigate, fill forms,
 * extract values and tables, download and upload files. The script comes inline ({@code script},
 * versioned with the model) or from the workspace ({@code scriptFile}). The browser is the job's
 * {@code browser}, else the script's, else the configured default (HtmlUnit).
 *
 * <p>Outcomes: the output holds extracted values, downloaded file references and screenshot
 * references. A failed {@code assert} with a {@code code} throws that BPMN error (e.g. {@code
 * PORTAL_LOGIN_REJECTED}); a missing element, a wait that ran out or a browser failure is a
 * retryable technical failure; a broken script, an unknown variable or a missing upload file is a
 * permanent one. Every failure after the first step saves evidence (screenshot, page source, step
 * trace) in the workspace and names it in the message.
 *
 * <p>Thread-safe: each job leases its own browser session from a pool, given back for the next job
 * after a success, a BPMN error or a failed assert, and ended after any other failure; {@link
 * #close()} ends the idle sessions.
 */
@JobType("rpa:web.run-script:1")
public final class RunWebScriptWorker implements JobWorker<RunWebScriptInput, RunWebScriptOutput>, AutoCloseable {
  static final String ONE_SCRIPT =
      "Expected exactly one of 'script' (the steps as YAML or JSON text) or 'scriptFile' (a workspace"
          + " reference), but %s";
  static final String SCRIPT_FILE_MISSING = "Expected script file '%s' in the workspace, but it does not exist";
  static final String BROWSER_UNAVAILABLE = "Expected a %s browser session, but it could not start: %s";

  private final WebWorkerConfig config;
  private final ScriptParser parser;
  private final BrowserPool pool;

  /** With {@link WebWorkerConfig#DEFAULT}. */
  public RunWebScriptWorker() {
    this(WebWorkerConfig.DEFAULT);
  }

  public RunWebScriptWorker(WebWorkerConfig config) {
    this.config = config;
    this.parser = new ScriptParser(config.defaultTimeout());
    this.pool = new BrowserPool(this::launch, config.maxIdleSessions(), config.maxUsesPerSession());
  }

  @Override
  public Class<RunWebScriptInput> inputType() {
    return RunWebScriptInput.class;
  }

  @Override
  public RunWebScriptOutput handle(RunWebScriptInput input, JobContext context) throws Exception {
    WebScript script = load(input, context);
    BrowserKind kind = chooseBrowser(input, script);
    BrowserSession session = lease(kind);
    boolean reusable = false;
    ScriptRun run = null;
    try {
      run = new ScriptRun(session, script, context, input.variables());
      RunWebScriptOutput output = run.execute();
      reusable = true;
      return output;
    } catch (dev.engranaje.workers.api.BusinessError expected) {
      reusable = true;
      throw run.withEvidence(expected);
    } catch (Exception failure) {
      // a failed assert (a maintenance page, say) leaves a working browser: keep it for the retry
      reusable = run != null && run.failedOnCheck();
      throw run == null ? failure : run.withEvidence(failure);
    } finally {
      pool.release(session, reusable, run == null ? java.util.Set.of() : run.origins());
      if (run != null) {
        run.close();
      }
    }
  }

  private WebScript load(RunWebScriptInput input, JobContext context) throws TechnicalFailure {
    boolean inline = input.script() != null && !input.script().isBlank();
    boolean file = input.scriptFile() != null && !input.scriptFile().isBlank();
    if (inline == file) {
      throw TechnicalFailure.permanent(String.format(ONE_SCRIPT, inline ? "both are set" : "neither is set"));
    }
    if (inline) {
      return parser.parse(input.script(), "the 'script' input");
    }
    Path path = context.workspace().resolve(input.scriptFile());
    if (!Files.isRegularFile(path)) {
      throw TechnicalFailure.permanent(String.format(SCRIPT_FILE_MISSING, input.scriptFile()));
    }
    try {
      return parser.parse(Files.readString(path, StandardCharsets.UTF_8), "script file '" + input.scriptFile() + "'");
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Cannot read script file '" + input.scriptFile() + "': " + e.getMessage(), e);
    }
  }

  private BrowserKind chooseBrowser(RunWebScriptInput input, WebScript script) throws TechnicalFailure {
    if (input.browser() != null && !input.browser().isBlank()) {
      try {
        return BrowserKind.parse(input.browser());
      } catch (IllegalArgumentException e) {
        throw TechnicalFailure.permanent(e.getMessage());
      }
    }
    return script.browser().orElse(config.defaultBrowser());
  }

  private BrowserSession lease(BrowserKind kind) throws TechnicalFailure {
    try {
      return pool.lease(kind);
    } catch (IllegalStateException missing) {
      throw TechnicalFailure.permanent(missing.getMessage(), missing);
    } catch (Exception e) {
      throw TechnicalFailure.retryable(String.format(BROWSER_UNAVAILABLE, kind.label(), ElementFinder.firstLine(e)), e);
    }
  }

  private BrowserSession launch(BrowserKind kind) throws IOException {
    return kind == BrowserKind.CHROMIUM ? new ChromiumSession(config.chromiumBinary(), config.chromedriver()) : new HtmlUnitSession();
  }

  /** Sessions started and reused so far. */
  int[] sessionCounts() {
    return pool.counts();
  }

  /** Ends the idle browser sessions. */
  @Override
  public void close() {
    pool.close();
  }
}
