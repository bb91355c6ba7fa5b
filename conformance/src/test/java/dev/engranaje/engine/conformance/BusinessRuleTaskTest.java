package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.engine.record.DecisionEvaluationIntent;
import dev.engranaje.engine.record.DecisionEvaluationRecord;
import dev.engranaje.engine.record.DecisionIntent;
import dev.engranaje.engine.record.DecisionRecord;
import dev.engranaje.engine.record.DecisionRequirementsIntent;
import dev.engranaje.engine.record.ProcessInstanceIntent;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.record.VariableRecord;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.Decision;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.search.response.Incident;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Business rule tasks calling DMN decisions (spec §4) and DMN deployments (spec §1), on a
 * back-office example: who approves a supplier invoice, who handles it, and which checks it needs.
 * Each test deploys the fixtures under fresh decision ids, so versions never clash between tests.
 */
@ProcessTest(autoTimeSkipping = false)
class BusinessRuleTaskTest {
  ProcessTestEngine engine;

  @Test
  void shouldListDecisionsAndRequirementsWhenBpmnAndDmnAreDeployedTogether() {
    // given
    Dmn dmn = Dmn.fixture("invoice-approval.dmn", "invoice-approval-level", "invoice-approval");
    String processId = ProcessTestEngine.uniqueId("process");

    // when
    DeploymentEvent deployment = engine.client().newDeployResourceCommand()
        .addProcessModel(ruleTask(processId, dmn.decisionId(), "approvalLevel"), "invoice.bpmn")
        .addResourceBytes(dmn.bytes(), "invoice-approval.dmn").send().join();

    // then
    assertThat(deployment.getProcesses()).hasSize(1);
    assertThat(deployment.getDecisions()).hasSize(1);
    Decision decision = deployment.getDecisions().get(0);
    assertThat(decision.getDmnDecisionId()).isEqualTo(dmn.decisionId());
    assertThat(decision.getDmnDecisionName()).isEqualTo("Invoice approval level");
    assertThat(decision.getVersion()).isEqualTo(1);
    assertThat(decision.getDmnDecisionRequirementsId()).isEqualTo(dmn.requirementsId());
    assertThat(deployment.getDecisionRequirements()).singleElement().satisfies(requirements -> {
      assertThat(requirements.getDmnDecisionRequirementsId()).isEqualTo(dmn.requirementsId());
      assertThat(requirements.getDecisionRequirementsKey()).isEqualTo(decision.getDecisionRequirementsKey());
      assertThat(requirements.getResourceName()).isEqualTo("invoice-approval.dmn");
      assertThat(requirements.getVersion()).isEqualTo(1);
    });
    assertThat(engine.records().matching(r -> r.intent() == DecisionRequirementsIntent.CREATED
        && r.key() == decision.getDecisionRequirementsKey())).hasSize(1);
    assertThat(engine.records().matching(r -> r.intent() == DecisionIntent.CREATED && r.key() == decision.getDecisionKey()))
        .hasSize(1);
  }

  @Test
  void shouldKeepVersionAndKeyWhenTheSameDmnIsDeployedAgain() {
    // given
    Dmn dmn = Dmn.fixture("invoice-approval.dmn", "invoice-approval-level", "invoice-approval");
    Decision first = deploy(dmn, "approval.dmn").getDecisions().get(0);

    // when
    Decision again = deploy(dmn, "approval.dmn").getDecisions().get(0);
    Decision changed = deploy(dmn.replacing("\"cfo\"", "\"board\""), "approval.dmn").getDecisions().get(0);

    // then
    assertThat(again.getVersion()).isEqualTo(1);
    assertThat(again.getDecisionKey()).isEqualTo(first.getDecisionKey());
    assertThat(changed.getVersion()).isEqualTo(2);
    assertThat(changed.getDecisionKey()).isNotEqualTo(first.getDecisionKey());
    assertThat(engine.records().matching(r -> r.valueType() == ValueType.DECISION
        && ((DecisionRecord) r.value()).decisionId().equals(dmn.decisionId()))).hasSize(2);
  }

  @Test
  void shouldSetTheFirstMatchingRulesOutputWhenHitPolicyIsFirst() {
    // given
    Dmn dmn = Dmn.fixture("invoice-approval.dmn", "invoice-approval-level", "invoice-approval");
    String processId = deployWithProcess(dmn, "approvalLevel");

    // when a preferred supplier's invoice matches the preferred-supplier and the medium-invoice rule
    long instance = engine.startInstance(processId, Map.of("amount", 2500, "supplierCategory", "preferred")).key();

    // then the first of them decides, and the evaluation is recorded with the matched rule
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(rootVariable(instance, "approvalLevel")).isEqualTo("\"team-lead\"");
    DecisionEvaluationRecord evaluation = evaluations(instance).get(0);
    assertThat(evaluation.decisionId()).isEqualTo(dmn.decisionId());
    assertThat(evaluation.decisionOutput()).isEqualTo("\"team-lead\"");
    assertThat(evaluation.evaluatedDecisions().get(0).matchedRules())
        .extracting(rule -> rule.ruleId()).containsExactly("preferred-supplier");
    assertThat(elementIntents(instance, "decide")).containsExactly(ProcessInstanceIntent.ELEMENT_ACTIVATING,
        ProcessInstanceIntent.ELEMENT_ACTIVATED, ProcessInstanceIntent.ELEMENT_COMPLETING,
        ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  @Test
  void shouldSetAnObjectWhenTheDecisionHasSeveralOutputs() {
    // given
    Dmn dmn = Dmn.fixture("invoice-routing.dmn", "invoice-routing", "invoice-routing-drg");
    String processId = deployWithProcess(dmn, "routing");

    // when
    long instance = engine.startInstance(processId, Map.of("amount", 8000, "supplierCategory", "standard")).key();

    // then
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(rootVariable(instance, "routing")).isEqualTo("{\"approverGroup\":\"controlling\",\"slaDays\":7}");
  }

  @Test
  void shouldSetAListOfAllMatchesWhenHitPolicyIsCollect() {
    // given
    Dmn dmn = Dmn.fixture("invoice-checks.dmn", "invoice-checks", "invoice-checks-drg");
    String processId = deployWithProcess(dmn, "checks");

    // when
    long instance = engine.startInstance(processId,
        Map.of("amount", 8000, "supplierCategory", "new", "currency", "USD")).key();

    // then
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(rootVariable(instance, "checks")).isEqualTo("[\"four-eyes\",\"vendor-verification\",\"fx-rate-check\"]");
  }

  @Test
  void shouldSetNullWhenNoRuleMatches() {
    // given
    Dmn dmn = Dmn.fixture("invoice-approval.dmn", "invoice-approval-level", "invoice-approval");
    String processId = deployWithProcess(dmn, "approvalLevel");

    // when a credit note (negative amount) matches no rule
    long instance = engine.startInstance(processId, Map.of("amount", -40, "supplierCategory", "standard")).key();

    // then
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(rootVariable(instance, "approvalLevel")).isEqualTo("null");
  }

  @Test
  void shouldEvaluateTheLatestVersionForNewInstancesWhenBindingIsLatest() {
    // given an instance decided with version 1
    Dmn dmn = Dmn.fixture("invoice-approval.dmn", "invoice-approval-level", "invoice-approval");
    String processId = deployWithProcess(dmn, "approvalLevel");
    long before = engine.startInstance(processId, Map.of("amount", 50000, "supplierCategory", "standard")).key();
    assertThat(engine.instance(before)).isCompleted();

    // when version 2 sends large invoices to the board
    Decision v2 = deploy(dmn.replacing("\"cfo\"", "\"board\""), "invoice-approval.dmn").getDecisions().get(0);
    long after = engine.startInstance(processId, Map.of("amount", 50000, "supplierCategory", "standard")).key();

    // then
    assertThat(engine.instance(after)).isCompleted();
    assertThat(v2.getVersion()).isEqualTo(2);
    assertThat(rootVariable(before, "approvalLevel")).isEqualTo("\"cfo\"");
    assertThat(rootVariable(after, "approvalLevel")).isEqualTo("\"board\"");
    assertThat(evaluations(after).get(0).decisionVersion()).isEqualTo(2);
  }

  @Test
  void shouldEvaluateTheVersionDeployedWithTheProcessWhenBindingIsDeployment() {
    // given the process deployed with version 1, then version 2 deployed alone
    Dmn dmn = Dmn.fixture("invoice-approval.dmn", "invoice-approval-level", "invoice-approval");
    String processId = ProcessTestEngine.uniqueId("process");
    engine.client().newDeployResourceCommand()
        .addProcessModel(Bpmn.createExecutableProcess(processId).startEvent()
            .businessRuleTask("decide", t -> t.zeebeCalledDecisionId(dmn.decisionId()).zeebeResultVariable("level")
                .zeebeBindingType(ZeebeBindingType.deployment))
            .endEvent().done(), "invoice.bpmn")
        .addResourceBytes(dmn.bytes(), "invoice-approval.dmn").send().join();
    deploy(dmn.replacing("\"cfo\"", "\"board\""), "invoice-approval.dmn");

    // when
    long instance = engine.startInstance(processId, Map.of("amount", 50000, "supplierCategory", "standard")).key();

    // then
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(rootVariable(instance, "level")).isEqualTo("\"cfo\"");
  }

  @Test
  void shouldApplyInputAndOutputMappingsAndEvaluateADecisionIdExpression() {
    // given
    Dmn dmn = Dmn.fixture("invoice-approval.dmn", "invoice-approval-level", "invoice-approval");
    deploy(dmn, "invoice-approval.dmn");
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .businessRuleTask("decide", t -> t.zeebeCalledDecisionIdExpression("decisionName")
            .zeebeResultVariable("level").zeebeInputExpression("invoice.total", "amount")
            .zeebeOutputExpression("{approver: level}", "approval"))
        .endEvent().done());

    // when
    long instance = engine.startInstance(processId, Map.of("decisionName", dmn.decisionId(),
        "invoice", Map.of("total", 700), "supplierCategory", "standard")).key();

    // then only the mapped target leaves the task
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(rootVariable(instance, "approval")).isEqualTo("{\"approver\":\"auto\"}");
    assertThat(engine.records().variableWrites(instance, "level")).isEmpty();
  }

  @Test
  void shouldRaiseDecisionEvaluationErrorWhenUniqueRulesOverlapAndEvaluateAgainOnResolve() {
    // given
    Dmn dmn = Dmn.fixture("invoice-routing.dmn", "invoice-routing", "invoice-routing-drg");
    String processId = deployWithProcess(dmn, "routing");

    // when a large invoice of a new supplier matches two rules of a UNIQUE table
    long instance = engine.startInstance(processId, Map.of("amount", 25000, "supplierCategory", "new")).key();

    // then
    assertThat(engine.instance(instance)).hasIncident();
    List<Incident> incidents = engine.incidents(instance);
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getErrorType().name()).isEqualTo("DECISION_EVALUATION_ERROR");
      assertThat(incident.getErrorMessage()).startsWith("Expected to evaluate decision '" + dmn.decisionId() + "', but")
          .contains("multiple values aren't allowed for UNIQUE hit policy");
    });
    assertThat(engine.records().matching(r -> r.intent() == DecisionEvaluationIntent.FAILED
        && ((DecisionEvaluationRecord) r.value()).process().processInstanceKey() == instance)).hasSize(1);
    assertThat(engine.records().hasElementEvent(instance, "decide", ProcessInstanceIntent.ELEMENT_ACTIVATED)).isFalse();

    // when the amount is corrected and the incident resolved
    engine.client().newSetVariablesCommand(instance).variables(Map.of("amount", 15000)).send().join();
    engine.client().newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();

    // then
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(rootVariable(instance, "routing")).isEqualTo("{\"approverGroup\":\"vendor-onboarding\",\"slaDays\":10}");
  }

  @Test
  void shouldRaiseCalledDecisionErrorWhenTheDecisionIsMissingAndEvaluateOnResolveAfterDeployingIt() {
    // given a process whose decision is not deployed yet
    Dmn dmn = Dmn.fixture("invoice-approval.dmn", "invoice-approval-level", "invoice-approval");
    String processId = ProcessTestEngine.uniqueId("process");
    engine.deploy(ruleTask(processId, dmn.decisionId(), "approvalLevel"));

    // when
    long instance = engine.startInstance(processId, Map.of("amount", 300, "supplierCategory", "standard")).key();

    // then
    assertThat(engine.instance(instance)).hasIncident();
    List<Incident> incidents = engine.incidents(instance);
    assertThat(incidents).singleElement().satisfies(incident -> {
      assertThat(incident.getErrorType().name()).isEqualTo("CALLED_DECISION_ERROR");
      assertThat(incident.getErrorMessage()).isEqualTo("Expected to evaluate decision '" + dmn.decisionId()
          + "', but no decision found for id '" + dmn.decisionId() + "'");
    });

    // when the decision is deployed and the incident resolved
    deploy(dmn, "invoice-approval.dmn");
    engine.client().newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();

    // then
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(rootVariable(instance, "approvalLevel")).isEqualTo("\"auto\"");
  }

  @Test
  void shouldRejectTheWholeDeploymentNamingTheFileWhenADmnIsBroken() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    byte[] broken = Dmn.read("broken-invalid-feel.dmn");

    // when / then
    assertThatThrownBy(() -> engine.client().newDeployResourceCommand()
        .addProcessModel(ruleTask(processId, "early-payment-discount", "discount"), "discount.bpmn")
        .addResourceBytes(broken, "early-payment-discount.dmn").send().join())
        .hasMessageContaining("'early-payment-discount.dmn' is invalid")
        .hasMessageContaining("failed to parse expression '<= = 10'");
    assertThatThrownBy(() -> engine.startInstance(processId, Map.of())).hasMessageContaining(processId);
    assertThatThrownBy(() -> engine.client().newDeployResourceCommand()
        .addResourceBytes(Dmn.read("broken-not-dmn.dmn"), "structure.dmn").send().join())
        .hasMessageContaining("'structure.dmn' is invalid").hasMessageContaining("decisionMatrix");
  }

  @Test
  void shouldEvaluateADecisionStandaloneThroughTheClient() {
    // given
    Dmn dmn = Dmn.fixture("invoice-routing.dmn", "invoice-routing", "invoice-routing-drg");
    Decision decision = deploy(dmn, "invoice-routing.dmn").getDecisions().get(0);

    // when
    EvaluateDecisionResponse response = engine.client().newEvaluateDecisionCommand().decisionId(dmn.decisionId())
        .variables(Map.of("amount", 1200, "supplierCategory", "standard")).send().join();

    // then
    assertThat(response.getDecisionKey()).isEqualTo(decision.getDecisionKey());
    assertThat(response.getDecisionVersion()).isEqualTo(1);
    assertThat(response.getDecisionRequirementsId()).isEqualTo(dmn.requirementsId());
    assertThat(response.getDecisionOutput()).isEqualTo("{\"approverGroup\":\"accounts-payable\",\"slaDays\":3}");
    assertThat(response.getFailureMessage()).isNull();
    assertThat(response.getEvaluatedDecisions()).singleElement().satisfies(evaluated -> {
      assertThat(evaluated.getMatchedRules()).singleElement()
          .satisfies(rule -> assertThat(rule.getRuleId()).isEqualTo("route-standard-small"));
      assertThat(evaluated.getEvaluatedInputs()).hasSize(2);
    });
    assertThat(engine.records().matching(r -> r.intent() == DecisionEvaluationIntent.EVALUATED
        && r.key() == response.getDecisionEvaluationKey())).hasSize(1);
  }

  @Test
  void shouldCreateAJobWhenTheBusinessRuleTaskHasATaskDefinition() {
    // given
    String processId = ProcessTestEngine.uniqueId("process");
    String type = processId + "-rules";
    engine.deploy(Bpmn.createExecutableProcess(processId).startEvent()
        .businessRuleTask("decide", t -> t.zeebeJobType(type)).endEvent().done());
    long instance = engine.startInstance(processId, Map.of()).key();

    // when
    ActivatedJob job = engine.activateJob(type);
    engine.client().newCompleteCommand(job.getKey()).variables(Map.of("approvalLevel", "manager")).send().join();

    // then
    assertThat(engine.instance(instance)).isCompleted();
    assertThat(rootVariable(instance, "approvalLevel")).isEqualTo("\"manager\"");
  }

  private static BpmnModelInstance ruleTask(String processId, String decisionId, String resultVariable) {
    return Bpmn.createExecutableProcess(processId).startEvent()
        .businessRuleTask("decide", t -> t.zeebeCalledDecisionId(decisionId).zeebeResultVariable(resultVariable))
        .endEvent().done();
  }

  private DeploymentEvent deploy(Dmn dmn, String resourceName) {
    return engine.client().newDeployResourceCommand().addResourceBytes(dmn.bytes(), resourceName).send().join();
  }

  private String deployWithProcess(Dmn dmn, String resultVariable) {
    String processId = ProcessTestEngine.uniqueId("process");
    engine.client().newDeployResourceCommand()
        .addProcessModel(ruleTask(processId, dmn.decisionId(), resultVariable), "invoice.bpmn")
        .addResourceBytes(dmn.bytes(), dmn.decisionId() + ".dmn").send().join();
    return processId;
  }

  private List<DecisionEvaluationRecord> evaluations(long instance) {
    return engine.records().matching(r -> r.valueType() == ValueType.DECISION_EVALUATION
            && ((DecisionEvaluationRecord) r.value()).process().processInstanceKey() == instance)
        .stream().map(r -> (DecisionEvaluationRecord) r.value()).toList();
  }

  private List<ProcessInstanceIntent> elementIntents(long instance, String elementId) {
    return engine.records().elementEvents(instance).stream()
        .filter(r -> ((dev.engranaje.engine.record.ProcessInstanceRecord) r.value()).elementId().equals(elementId))
        .map(r -> (ProcessInstanceIntent) r.intent()).toList();
  }

  private String rootVariable(long instance, String name) {
    List<Record> writes = engine.records().variableWrites(instance, name);
    assertThat(writes).as("writes of root variable '%s'", name).isNotEmpty();
    return ((VariableRecord) writes.get(writes.size() - 1).value()).value();
  }

  /** A DMN fixture with its decision and graph ids made unique for one test. */
  record Dmn(String text, String decisionId, String requirementsId) {
    static Dmn fixture(String name, String decisionId, String requirementsId) {
      String suffix = "-" + UUID.randomUUID().toString().substring(0, 8);
      String text = new String(read(name), StandardCharsets.UTF_8)
          .replace("id=\"" + decisionId + "\"", "id=\"" + decisionId + suffix + "\"")
          .replace("id=\"" + requirementsId + "\"", "id=\"" + requirementsId + suffix + "\"");
      return new Dmn(text, decisionId + suffix, requirementsId + suffix);
    }

    Dmn replacing(String target, String replacement) {
      return new Dmn(text.replace(target, replacement), decisionId, requirementsId);
    }

    byte[] bytes() {
      return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] read(String name) {
      try (InputStream in = BusinessRuleTaskTest.class.getResourceAsStream("/dmn/" + name)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
