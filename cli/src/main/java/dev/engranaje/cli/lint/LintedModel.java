package dev.engranaje.cli.lint;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Objects;

/**
 * One model being linted.
 *
 * @param file the name used in findings (the path as given)
 * @param content the raw bytes
 * @param model the parsed model, or {@code null} when the file is not readable BPMN (then only the
 *     rules that read {@code content} run)
 * @param lines where each element's start tag is
 * @param environment the workers and templates the model is checked against
 */
public record LintedModel(String file, byte[] content, BpmnModelInstance model, LineIndex lines,
    LintEnvironment environment) {

  public LintedModel {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(lines, "lines");
    Objects.requireNonNull(environment, "environment");
  }
}
