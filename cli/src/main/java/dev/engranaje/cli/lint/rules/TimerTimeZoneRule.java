package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.Expression;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timer date (a {@code timeDate}, or the start of a repeating {@code timeCycle}) written without
 * a zone: the engine reads it as UTC, which for a business deadline ("07:00 in Madrid") is an hour
 * or two off, and shifts with daylight saving. Durations need no zone; cron cycles are UTC by
 * definition (documented), so they are not flagged.
 */
public final class TimerTimeZoneRule extends BaseRule {
  static final String MESSAGE = "Expected the %s '%s' of timer '%s' to carry a zone offset (e.g. %sZ or %s+01:00),"
      + " but it has none, so it is read as UTC";

  /** A local ISO date-time not followed by Z, an offset or a zone id. */
  private static final Pattern LOCAL_DATE_TIME =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)(?![\\d.:]*(?:Z|[+-]\\d{2}|@|\\[))");

  public TimerTimeZoneRule() {
    super("rpa/timer-time-zone", Severity.WARNING, "Timer dates and cycle starts carry a time zone.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (TimerEventDefinition timer : model.model().getModelElementsByType(TimerEventDefinition.class)) {
      String id = ModelElements.owningId(timer);
      check(timer.getTimeDate(), "timeDate", id, report);
      check(timer.getTimeCycle(), "timeCycle", id, report);
    }
  }

  private static void check(Expression expression, String kind, String id, LintReport report) {
    if (expression == null || expression.getTextContent() == null) {
      return;
    }
    Matcher matcher = LOCAL_DATE_TIME.matcher(expression.getTextContent());
    if (matcher.find()) {
      String local = matcher.group(1);
      report.add(id, MESSAGE, kind, local, id, local, local);
    }
  }
}
