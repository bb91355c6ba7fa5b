package dev.engranaje.cli.lint;

import dev.engranaje.cli.lint.rules.CompatCalledElementRule;
import dev.engranaje.cli.lint.rules.CompatDuplicateTaskHeadersRule;
import dev.engranaje.cli.lint.rules.CompatErrorReferenceRule;
import dev.engranaje.cli.lint.rules.CompatEscalationReferenceRule;
import dev.engranaje.cli.lint.rules.CompatExecutableProcessRule;
import dev.engranaje.cli.lint.rules.CompatImplementationRule;
import dev.engranaje.cli.lint.rules.CompatIoMappingRule;
import dev.engranaje.cli.lint.rules.CompatLoopCharacteristicsRule;
import dev.engranaje.cli.lint.rules.CompatMessageReferenceRule;
import dev.engranaje.cli.lint.rules.CompatNoMultipleNoneStartEventsRule;
import dev.engranaje.cli.lint.rules.CompatSignalReferenceRule;
import dev.engranaje.cli.lint.rules.CompatStartEventFormEmbeddedRule;
import dev.engranaje.cli.lint.rules.CompatStartEventRequiredRule;
import dev.engranaje.cli.lint.rules.CompatSubscriptionRule;
import dev.engranaje.cli.lint.rules.CompatTimerRule;
import dev.engranaje.cli.lint.rules.CompatUserTaskFormRule;
import dev.engranaje.cli.lint.rules.CompatZeebeUserTaskRule;
import dev.engranaje.cli.lint.rules.DeploymentRule;
import dev.engranaje.cli.lint.rules.MissingDiagramRule;
import dev.engranaje.cli.lint.rules.SideEffectErrorPathRule;
import dev.engranaje.cli.lint.rules.TemplateRequiredFieldRule;
import dev.engranaje.cli.lint.rules.TemplateVersionRule;
import dev.engranaje.cli.lint.rules.TimerTimeZoneRule;
import dev.engranaje.cli.lint.rules.UnknownJobTypeRule;
import dev.engranaje.cli.lint.rules.UnreachableElementRule;
import dev.engranaje.cli.lint.rules.UserTaskFormRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry of lint rules by id, in the order they run. */
public final class LintRules {
  /** The id prefix of the Camunda 8.9 compatibility rules. */
  public static final String COMPAT_PREFIX = "camunda-compat/";

  private static final Map<String, LintRule> BY_ID = register(List.of(
      new DeploymentRule(),
      new CompatExecutableProcessRule(),
      new CompatStartEventRequiredRule(),
      new CompatNoMultipleNoneStartEventsRule(),
      new CompatImplementationRule(),
      new CompatCalledElementRule(),
      new CompatUserTaskFormRule(),
      new CompatZeebeUserTaskRule(),
      new CompatStartEventFormEmbeddedRule(),
      new CompatDuplicateTaskHeadersRule(),
      new CompatIoMappingRule(),
      new CompatErrorReferenceRule(),
      new CompatMessageReferenceRule(),
      new CompatSignalReferenceRule(),
      new CompatEscalationReferenceRule(),
      new CompatSubscriptionRule(),
      new CompatTimerRule(),
      new CompatLoopCharacteristicsRule(),
      new UnknownJobTypeRule(),
      new TemplateVersionRule(),
      new TemplateRequiredFieldRule(),
      new MissingDiagramRule(),
      new UnreachableElementRule(),
      new SideEffectErrorPathRule(),
      new UserTaskFormRule(),
      new TimerTimeZoneRule()));

  private LintRules() {}

  private static Map<String, LintRule> register(List<LintRule> rules) {
    Map<String, LintRule> byId = new LinkedHashMap<>();
    for (LintRule rule : rules) {
      if (byId.putIfAbsent(rule.id(), rule) != null) {
        throw new IllegalStateException("Expected one rule per id, but '" + rule.id() + "' is registered twice");
      }
    }
    return byId;
  }

  /** Every rule, in the order they run. */
  public static List<LintRule> all() {
    return List.copyOf(BY_ID.values());
  }

  public static Optional<LintRule> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }
}
