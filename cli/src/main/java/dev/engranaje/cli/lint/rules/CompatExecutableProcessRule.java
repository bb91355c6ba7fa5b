package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.Process;
import java.util.Collection;

/** camunda-compat executable-process: a model needs at least one executable process. */
public final class CompatExecutableProcessRule extends BaseRule {
  static final String MESSAGE = "Expected at least one process with isExecutable=\"true\", but none of %s is executable;"
      + " tick 'Executable' on the process in Modeler";

  public CompatExecutableProcessRule() {
    super("camunda-compat/executable-process", Severity.ERROR, "At least one process is executable.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    Collection<Process> processes = model.model().getModelElementsByType(Process.class);
    if (!processes.isEmpty() && processes.stream().noneMatch(Process::isExecutable)) {
      Process first = processes.iterator().next();
      report.add(first.getId(), MESSAGE, processes.stream().map(p -> "'" + p.getId() + "'").toList());
    }
  }
}
