package dev.engranaje.engine.decision;

import dev.engranaje.engine.expression.FeelBudget;
import dev.engranaje.engine.expression.FeelThreads;
import dev.engranaje.engine.decision.ParsedDecisionRequirements.Decision;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.feel.FeelEngineClock;
import scala.util.Either;
import scala.util.Left;
import scala.util.Right;

/**
 * Parses DMN resources and evaluates their decisions with dmn-scala. {@code now()} in decisions
 * reads the engine clock. Thread-safe.
 *
 * <p>Like the FEEL engine, dmn-scala is slow to build, so it is built on first use.
 */
public final class DecisionEngine {
  private static final String ZEEBE_NAMESPACE = "http://camunda.org/schema/zeebe/1.0";

  static final String OVER_BUDGET = "Expected to evaluate decision '%s' within the FEEL budget, but %s";

  private final Clock clock;
  private final FeelBudget budget;
  private volatile DmnEngine dmn;

  public DecisionEngine(Clock clock) {
    this(clock, FeelBudget.DEFAULTS);
  }

  /** An engine whose evaluations stop at {@code budget}, like every other FEEL expression. */
  public DecisionEngine(Clock clock, FeelBudget budget) {
    this.clock = clock;
    this.budget = budget;
  }

  private DmnEngine dmn() {
    DmnEngine engine = dmn;
    if (engine == null) {
      synchronized (this) {
        engine = dmn;
        if (engine == null) {
          FeelEngineClock feelClock = () -> ZonedDateTime.now(clock);
          engine = new DmnEngine.Builder().clock(feelClock).build();
          dmn = engine;
        }
      }
    }
    return engine;
  }

  /**
   * Parses a DMN resource, including every FEEL expression in it.
   *
   * @throws IllegalArgumentException with the DMN engine's message when the resource is not a valid
   *     DMN model, or declares no decision
   */
  public ParsedDecisionRequirements parse(byte[] content) {
    Either<DmnEngine.Failure, ParsedDmn> result = dmn().parse(new ByteArrayInputStream(content));
    if (result instanceof Left<DmnEngine.Failure, ParsedDmn> failure) {
      throw new IllegalArgumentException(schemaProblem(content).orElse(failure.value().message()));
    }
    ParsedDmn parsed = ((Right<DmnEngine.Failure, ParsedDmn>) result).value();
    DmnModelInstance model = parsed.model();
    Definitions definitions = model.getDefinitions();
    List<Decision> decisions = new ArrayList<>();
    for (ParsedDecision decision : scala.jdk.javaapi.CollectionConverters.asJava(parsed.decisions())) {
      decisions.add(new Decision(decision.id(), decision.name(), versionTag(model.getModelElementById(decision.id()))));
    }
    if (decisions.isEmpty()) {
      throw new IllegalArgumentException("Expected the DMN resource to declare at least one decision, but it has none");
    }
    return new ParsedDecisionRequirements(definitions.getId(), definitions.getName(), definitions.getNamespace(),
        List.copyOf(decisions), parsed);
  }

  /**
   * dmn-scala reports a model that does not read as DMN only as "Unable to parse model": read it
   * again with the DMN model API to name the actual problem (e.g. the schema violation).
   */
  private static Optional<String> schemaProblem(byte[] content) {
    try {
      Dmn.readModelFromStream(new ByteArrayInputStream(content));
      return Optional.empty();
    } catch (RuntimeException e) {
      Throwable cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      return Optional.of("Expected a valid DMN model, but " + cause.getMessage());
    }
  }

  /**
   * The version tag of a decision: Camunda 8's {@code <zeebe:versionTag value="..."/>} extension,
   * or else Camunda 7's {@code camunda:versionTag} attribute; null without either.
   */
  private static String versionTag(ModelElementInstance decision) {
    if (decision instanceof org.camunda.bpm.model.dmn.instance.Decision dmnDecision) {
      if (dmnDecision.getExtensionElements() != null) {
        for (DomElement child : dmnDecision.getExtensionElements().getDomElement().getChildElements()) {
          if ("versionTag".equals(child.getLocalName()) && ZEEBE_NAMESPACE.equals(child.getNamespaceURI())) {
            return child.getAttribute("value");
          }
        }
      }
      return dmnDecision.getVersionTag();
    }
    return null;
  }

  /** Evaluates a decision of a parsed resource with variables (JSON-compatible Java values). */
  public DecisionOutcome evaluate(ParsedDecisionRequirements requirements, String decisionId,
      Map<String, Object> variables) {
    DmnEngine engine = dmn();
    FeelThreads.Outcome<Either<DmnEngine.EvalFailure, DmnEngine.EvalResult>> budgeted =
        FeelThreads.run(() -> engine.eval(requirements.parsed(), decisionId, variables), budget);
    if (budgeted instanceof FeelThreads.Outcome.Failed<?> over) {
      return new DecisionOutcome.Failed(String.format(OVER_BUDGET, decisionId, over.reason()), decisionId, List.of());
    }
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result =
        ((FeelThreads.Outcome.Done<Either<DmnEngine.EvalFailure, DmnEngine.EvalResult>>) budgeted).value();
    if (result instanceof Left<DmnEngine.EvalFailure, DmnEngine.EvalResult> left) {
      DmnEngine.EvalFailure failure = left.value();
      return new DecisionOutcome.Failed(failure.failure().message(), decisionId, AuditTrail.of(failure.auditLog()));
    }
    DmnEngine.EvalResult evaluated = ((Right<DmnEngine.EvalFailure, DmnEngine.EvalResult>) result).value();
    Object output = evaluated.isNil() ? null : evaluated.value();
    return new DecisionOutcome.Evaluated(AuditTrail.json(output), AuditTrail.of(evaluated.auditLog()));
  }
}
