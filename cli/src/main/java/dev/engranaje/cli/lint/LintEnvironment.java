package dev.engranaje.cli.lint;

import java.util.Objects;

/**
 * What models are checked against.
 *
 * @param jobTypes the job types that installed workers, templates or the user's own workers serve
 * @param templates the element templates tasks may link to
 */
public record LintEnvironment(KnownJobTypes jobTypes, TemplateLibrary templates) {
  public LintEnvironment {
    Objects.requireNonNull(jobTypes, "jobTypes");
    Objects.requireNonNull(templates, "templates");
  }
}
