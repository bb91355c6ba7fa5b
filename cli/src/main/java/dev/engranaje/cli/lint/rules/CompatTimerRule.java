package dev.engranaje.cli.lint.rules;

import dev.engranaje.cli.lint.LintReport;
import dev.engranaje.cli.lint.LintedModel;
import dev.engranaje.cli.lint.Severity;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.Expression;
import io.camunda.zeebe.model.bpmn.instance.IntermediateCatchEvent;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * camunda-compat timer: a timer has exactly one non-empty definition of a kind its event allows:
 * a process start event a date or cycle; an intermediate catch or interrupting boundary event a
 * date or duration; a non-interrupting boundary or event-subprocess start any of the three.
 */
public final class CompatTimerRule extends BaseRule {
  static final String NONE = "Expected timer '%s' to have one of %s with a value, but it has none";
  static final String SEVERAL = "Expected timer '%s' to have one definition, but it has %s";
  static final String NOT_ALLOWED = "Expected timer '%s' (%s) to use one of %s, but it uses %s";

  public CompatTimerRule() {
    super("camunda-compat/timer", Severity.ERROR, "Timers have exactly one definition of a kind their event allows.");
  }

  @Override
  public void check(LintedModel model, LintReport report) {
    for (TimerEventDefinition timer : model.model().getModelElementsByType(TimerEventDefinition.class)) {
      ModelElementInstance event = timer.getParentElement();
      String id = ModelElements.owningId(timer);
      List<String> set = new ArrayList<>();
      addIfSet(set, "timeDate", timer.getTimeDate());
      addIfSet(set, "timeDuration", timer.getTimeDuration());
      addIfSet(set, "timeCycle", timer.getTimeCycle());
      List<String> allowed = allowed(event);
      if (set.isEmpty()) {
        report.add(id, NONE, id, allowed);
      } else if (set.size() > 1) {
        report.add(id, SEVERAL, id, set);
      } else if (!allowed.contains(set.get(0))) {
        report.add(id, NOT_ALLOWED, id, event.getElementType().getTypeName(), allowed, set.get(0));
      }
    }
  }

  private static void addIfSet(List<String> set, String kind, Expression expression) {
    if (expression != null && !ModelElements.isBlank(expression.getTextContent())) {
      set.add(kind);
    }
  }

  private static List<String> allowed(ModelElementInstance event) {
    if (event instanceof StartEvent start) {
      return start.getParentElement() instanceof SubProcess && start.isInterrupting()
          ? List.of("timeDate", "timeDuration")
          : start.getParentElement() instanceof SubProcess
              ? List.of("timeDate", "timeDuration", "timeCycle")
              : List.of("timeDate", "timeCycle");
    }
    if (event instanceof BoundaryEvent boundary && !boundary.cancelActivity()) {
      return List.of("timeDate", "timeDuration", "timeCycle");
    }
    if (event instanceof BoundaryEvent || event instanceof IntermediateCatchEvent) {
      return List.of("timeDate", "timeDuration");
    }
    return List.of("timeDate", "timeDuration", "timeCycle");
  }
}
