package dev.engranaje.engine.model.validation;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xml.sax.SAXParseException;

/**
 * Validates one BPMN deployment resource before it is deployed.
 *
 * <p>The resource is first scanned with a hardened XML parser (no DOCTYPE, no external entities),
 * then checked against the {@link ModelLimits} (element count, FEEL length and nesting), then parsed with {@code zeebe-bpmn-model} (which also checks the BPMN schema). The model is then
 * checked against the element kinds supported by this release ({@link ElementSupport}), the
 * engine's deployment rules and Zeebe's design-time validators. Findings of Zeebe's validators are
 * kept only for elements that the engine's own findings do not already name, so each problem is
 * described once in the engine's wording. A rule that fails unexpectedly becomes a finding; this
 * class never throws for bad input.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class DeploymentValidator {

  static final String EMPTY_RESOURCE =
      "Expected a BPMN XML document, but the resource was empty";
  static final String NOT_BPMN = "Expected a valid BPMN 2.0 document, but %s";
  static final String RULE_FAILED =
      "Expected the rule '%s' to check the model, but it failed with %s";

  private static final List<ModelRule> RULES =
      List.of(
          new SupportedElements(),
          new ProcessRules(),
          new FlowRules(),
          new FlowScopeRules(),
          new EventBasedGatewayRules(),
          new LoopRules(),
          new TaskDefinitionRules(),
          new CallActivityRules(),
          new BoundaryEventRules(),
          new ErrorEventRules(),
          new TimerRules(),
          new MessageRules(),
          new SignalRules(),
          new ScriptTaskRules(),
          new BusinessRuleTaskRules(),
          new ListenerRules(),
          new ExpressionRules());

  /** How the BPMN library words parser errors, e.g. "Error: URI=null Line=8: cvc-...". */
  private static final Pattern LIBRARY_SAX_MESSAGE =
      Pattern.compile("(?s)(?:Fatal )?Error: URI=\\S* Line=(\\d+): (.*)");

  private static final ModelRule LIBRARY_RULES = new LibraryRules();

  private final ModelLimits limits;

  /** A validator with the default {@link ModelLimits}. */
  public DeploymentValidator() {
    this(ModelLimits.DEFAULTS);
  }

  public DeploymentValidator(ModelLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Validates a resource.
   *
   * @param resourceName the resource name used in findings, e.g. {@code process.bpmn}
   * @param content the raw bytes of the resource
   * @return the parsed model when it is valid, otherwise every finding
   */
  public ValidatedResource validate(String resourceName, byte[] content) {
    Objects.requireNonNull(resourceName, "resourceName");
    Findings findings = new Findings(resourceName);
    if (content == null || content.length == 0) {
      findings.add(null, EMPTY_RESOURCE);
      return new ValidatedResource.Rejected(resourceName, findings.toList());
    }
    Optional<String> xmlProblem = SafeXml.scan(content);
    if (xmlProblem.isPresent()) {
      findings.add(null, xmlProblem.get());
      return new ValidatedResource.Rejected(resourceName, findings.toList());
    }
    ModelLimitScan.check(content, limits, findings);
    if (!findings.isEmpty()) {
      return new ValidatedResource.Rejected(resourceName, findings.toList());
    }
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      findings.add(null, NOT_BPMN, describeParseFailure(e));
      return new ValidatedResource.Rejected(resourceName, findings.toList());
    }
    for (ModelRule rule : RULES) {
      run(rule, model, findings);
    }
    Findings libraryFindings = new Findings(resourceName);
    run(LIBRARY_RULES, model, libraryFindings);
    for (ValidationFinding finding : libraryFindings.toList()) {
      if (!findings.mentions(finding.elementId())) {
        findings.add(finding.elementId(), finding.rule());
      }
    }
    return findings.isEmpty()
        ? new ValidatedResource.Accepted(resourceName, model)
        : new ValidatedResource.Rejected(resourceName, findings.toList());
  }

  private static void run(ModelRule rule, BpmnModelInstance model, Findings findings) {
    try {
      rule.check(model, findings);
    } catch (RuntimeException e) {
      findings.add(null, RULE_FAILED, rule.getClass().getSimpleName(), e);
    }
  }

  private static String describeParseFailure(RuntimeException exception) {
    Throwable deepest = exception;
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof SAXParseException parse) {
        return SafeXml.location(parse) + parse.getMessage();
      }
      deepest = cause;
    }
    String message = deepest.getMessage() == null ? deepest.toString() : deepest.getMessage();
    Matcher located = LIBRARY_SAX_MESSAGE.matcher(message);
    return located.matches() ? "line " + located.group(1) + ": " + located.group(2) : message;
  }
}
