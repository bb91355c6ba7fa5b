package dev.engranaje.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.response.DecisionInstanceState;
import io.camunda.client.api.search.enums.MessageSubscriptionState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.CorrelatedMessageSubscription;
import io.camunda.client.api.search.response.DecisionDefinition;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.MessageSubscription;
import io.camunda.client.api.search.response.ProcessInstanceSequenceFlow;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.client.api.statistics.response.IncidentProcessInstanceStatisticsByDefinition;
import io.camunda.client.api.statistics.response.IncidentProcessInstanceStatisticsByError;
import io.camunda.client.api.statistics.response.ProcessDefinitionInstanceStatistics;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statistics, sequence flows, decisions, message subscriptions, user task variables and resources,
 * through the client's request builders, over the history of a mixed workload.
 */
class HistoryStatisticsApiTest {
  private static TestEngine engine;
  private static CamundaClient client;
  private static HistoryWorkload workload;
  private static long payDefinition;

  @BeforeAll
  static void runWorkload() {
    engine = TestEngine.inMemory();
    client = engine.client();
    workload = new HistoryWorkload("stats").run(engine);
    payDefinition = client.newProcessInstanceGetRequest(workload.completed).send().join().getProcessDefinitionKey();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void shouldCountInstancesPerElementOfADefinition() {
    // when
    List<ProcessElementStatistics> all = client.newProcessDefinitionElementStatisticsRequest(payDefinition)
        .send().join();
    List<ProcessElementStatistics> completedOnly = client.newProcessDefinitionElementStatisticsRequest(payDefinition)
        .filter(f -> f.state(ProcessInstanceState.COMPLETED)).send().join();

    // then charge: 2 completed (direct and called), 1 active (repaired), 1 incident, 1 canceled
    assertThat(all).filteredOn(s -> s.getElementId().equals("charge"))
        .extracting(ProcessElementStatistics::getActive, ProcessElementStatistics::getIncidents,
            ProcessElementStatistics::getCompleted, ProcessElementStatistics::getCanceled)
        .containsExactly(tuple(1L, 1L, 2L, 1L));
    assertThat(completedOnly).extracting(ProcessElementStatistics::getElementId)
        .containsExactly("book", "bookEnd", "bookStart", "charge", "paid", "received", "write");
    assertThat(completedOnly).allSatisfy(s -> assertThat(s.getCompleted()).isEqualTo(2L));
  }

  @Test
  void shouldCountOneInstancesElementsAndListItsSequenceFlows() {
    // when
    List<ProcessElementStatistics> failing = client.newProcessInstanceElementStatisticsRequest(workload.failing)
        .send().join();
    List<ProcessInstanceSequenceFlow> flows = client.newProcessInstanceSequenceFlowsRequest(workload.completed)
        .send().join();

    // then
    assertThat(failing).extracting(ProcessElementStatistics::getElementId, ProcessElementStatistics::getIncidents,
        ProcessElementStatistics::getCompleted).containsExactly(tuple("charge", 1L, 0L), tuple("received", 0L, 1L));
    assertThat(flows).hasSize(5).allSatisfy(flow -> {
      assertThat(flow.getProcessInstanceKey()).isEqualTo(String.valueOf(workload.completed));
      assertThat(flow.getSequenceFlowId()).startsWith(workload.completed + "_");
    });
  }

  @Test
  void shouldCountInstancesWithIncidentsByErrorAndByDefinition() {
    // when
    List<IncidentProcessInstanceStatisticsByError> byError = client
        .newIncidentProcessInstanceStatisticsByErrorRequest().send().join().items();
    IncidentProcessInstanceStatisticsByError declined = byError.stream()
        .filter(e -> e.getErrorMessage().equals("card declined")).findFirst().orElseThrow();
    List<IncidentProcessInstanceStatisticsByDefinition> byDefinition = client
        .newIncidentProcessInstanceStatisticsByDefinitionRequest(declined.getErrorHashCode()).send().join().items();

    // then
    assertThat(declined.getActiveInstancesWithErrorCount()).isEqualTo(1L);
    assertThat(byDefinition).extracting(IncidentProcessInstanceStatisticsByDefinition::getProcessDefinitionId,
        IncidentProcessInstanceStatisticsByDefinition::getActiveInstancesWithErrorCount)
        .containsExactly(tuple(workload.payProcess, 1L));
  }

  @Test
  void shouldCountActiveInstancesPerDefinitionSortedAsAsked() {
    // when
    List<ProcessDefinitionInstanceStatistics> ascending = client.newProcessDefinitionInstanceStatisticsRequest()
        .sort(s -> s.processDefinitionId().asc()).send().join().items();
    List<ProcessDefinitionInstanceStatistics> descending = client.newProcessDefinitionInstanceStatisticsRequest()
        .sort(s -> s.processDefinitionId().desc()).send().join().items();

    // then
    assertThat(ascending).filteredOn(s -> s.getProcessDefinitionId().equals(workload.payProcess))
        .extracting(ProcessDefinitionInstanceStatistics::getActiveInstancesWithoutIncidentCount,
            ProcessDefinitionInstanceStatistics::getActiveInstancesWithIncidentCount,
            ProcessDefinitionInstanceStatistics::getLatestProcessDefinitionName)
        .containsExactly(tuple(1L, 1L, "Pay an order"));
    assertThat(descending).extracting(ProcessDefinitionInstanceStatistics::getProcessDefinitionId)
        .containsExactlyElementsOf(ascending.stream().map(ProcessDefinitionInstanceStatistics::getProcessDefinitionId)
            .sorted(java.util.Comparator.reverseOrder()).toList());
  }

  @Test
  void shouldSearchDecisionsTheirXmlAndTheirEvaluations() {
    // when
    List<DecisionDefinition> decisions = client.newDecisionDefinitionSearchRequest()
        .filter(f -> f.decisionDefinitionId("invoice-approval-level")).send().join().items();
    DecisionDefinition decision = decisions.get(0);
    List<DecisionInstance> evaluations = client.newDecisionInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(workload.decided)).send().join().items();
    DecisionInstance evaluation = client.newDecisionInstanceGetRequest(evaluations.get(0).getDecisionInstanceId())
        .send().join();

    // then
    assertThat(decision.getDecisionRequirementsName()).isEqualTo("Invoice approval");
    assertThat(client.newDecisionDefinitionGetXmlRequest(decision.getDecisionKey()).send().join())
        .contains("invoice-approval-level");
    assertThat(client.newDecisionRequirementsGetRequest(decision.getDecisionRequirementsKey()).send().join()
        .getResourceName()).isEqualTo("invoice-approval.dmn");
    assertThat(evaluations).extracting(DecisionInstance::getDecisionDefinitionId, DecisionInstance::getState,
        DecisionInstance::getResult).containsExactly(tuple("invoice-approval-level", DecisionInstanceState.EVALUATED,
        "\"manager\""));
    assertThat(evaluation.getMatchedRules()).extracting(r -> r.getRuleId()).containsExactly("medium-invoice");
    assertThat(evaluation.getEvaluatedInputs()).extracting(i -> i.getInputValue()).containsExactly("2500",
        "\"standard\"");
  }

  @Test
  void shouldSearchOpenAndCorrelatedMessageSubscriptions() {
    // when
    List<MessageSubscription> subscriptions = client.newMessageSubscriptionSearchRequest()
        .filter(f -> f.processDefinitionId(workload.waitProcess)).send().join().items();
    List<CorrelatedMessageSubscription> correlated = client.newCorrelatedMessageSubscriptionSearchRequest()
        .filter(f -> f.processInstanceKey(workload.correlated)).send().join().items();

    // then
    assertThat(subscriptions).extracting(MessageSubscription::getProcessInstanceKey,
        MessageSubscription::getMessageSubscriptionState, MessageSubscription::getCorrelationKey).containsExactly(
        tuple(workload.waiting, MessageSubscriptionState.CREATED, "W-1"),
        tuple(workload.correlated, MessageSubscriptionState.CORRELATED, "W-2"));
    assertThat(correlated).extracting(CorrelatedMessageSubscription::getMessageName,
        CorrelatedMessageSubscription::getElementId).containsExactly(tuple("payment-stats", "awaitPayment"));
  }

  @Test
  void shouldSearchAUserTasksVariablesAndGetADeployedResource() {
    // given
    UserTask task = client.newUserTaskSearchRequest().filter(f -> f.processInstanceKey(workload.correlated))
        .send().join().items().get(0);
    client.newSetVariablesCommand(task.getElementInstanceKey()).variables(java.util.Map.of("note", "ok"))
        .local(true).send().join();

    // when
    List<Variable> variables = client.newUserTaskVariableSearchRequest(task.getUserTaskKey()).send().join().items();

    // then
    assertThat(variables).extracting(Variable::getName, Variable::getValue).containsExactly(tuple("note", "\"ok\""));
    assertThat(client.newResourceGetRequest(payDefinition).send().join().getResourceName()).isEqualTo("pay.bpmn");
  }

  @Test
  void shouldCountJobEventsOverallPerTypePerWorkerOverTimeAndPerError() {
    // given a window around everything the workload did
    java.time.OffsetDateTime from = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(1);
    java.time.OffsetDateTime to = from.plusDays(2);

    // when
    var global = client.newGlobalJobStatisticsRequest(from, to).send().join();
    var byType = client.newJobTypeStatisticsRequest(from, to).send().join().items().stream()
        .filter(item -> item.getJobType().equals(workload.jobType)).toList();
    var byWorker = client.newJobWorkerStatisticsRequest(from, to, workload.jobType).send().join().items();
    var series = client.newJobTimeSeriesStatisticsRequest(from, to, workload.jobType).send().join().items();
    var errors = client.newJobErrorStatisticsRequest(from, to, workload.jobType).send().join().items();

    // then five jobs were created (four direct, one called); two completed, two failed
    assertThat(global.getCreated().getCount()).isGreaterThanOrEqualTo(5L);
    assertThat(byType).singleElement().satisfies(item -> {
      assertThat(item.getCreated().getCount()).isEqualTo(5L);
      assertThat(item.getCompleted().getCount()).isEqualTo(2L);
      assertThat(item.getFailed().getCount()).isEqualTo(2L);
      assertThat(item.getWorkers()).isEqualTo(1);
    });
    assertThat(byWorker).filteredOn(item -> item.getWorker() != null).singleElement()
        .satisfies(item -> assertThat(item.getFailed().getCount()).isEqualTo(2L));
    assertThat(series).isNotEmpty();
    assertThat(series.stream().mapToLong(item -> item.getCreated().getCount()).sum()).isEqualTo(5L);
    assertThat(errors).extracting(e -> e.getErrorMessage(), e -> e.getWorkers())
        .containsExactly(tuple("card declined", 1));
  }
}
