package dev.engranaje.workers.web;

import java.util.Map;

/**
 * The input of {@link RunWebScriptWorker}.
 *
 * @param script the step script as YAML or JSON text, usually an input mapping of the task so it is
 *     versioned with the model; exactly one of {@code script} and {@code scriptFile}
 * @param scriptFile a workspace reference to the script, e.g. {@code scripts/portal.yaml} or {@code
 *     scripts:portal.yaml} for a configured area
 * @param browser {@code htmlunit} or {@code chromium}; overrides the script's and the worker's choice
 * @param variables values for {@code ${name}} placeholders in the steps (may be null)
 */
public record RunWebScriptInput(String script, String scriptFile, String browser, Map<String, Object> variables) {
  public RunWebScriptInput {
    variables = variables == null ? Map.of() : variables;
  }
}
