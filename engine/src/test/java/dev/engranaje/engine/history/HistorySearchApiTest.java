package dev.engranaje.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.JobState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.Job;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.Variable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The searches and gets the client sends, served from the history through the official client's
 * own request builders: finished instances included, filters, sort both ways, paging forward and
 * back, variable filters, and a 400 naming what the engine cannot honour.
 */
class HistorySearchApiTest {
  private static TestEngine engine;
  private static CamundaClient client;
  private static HistoryWorkload workload;

  @BeforeAll
  static void runWorkload() {
    engine = TestEngine.inMemory();
    client = engine.client();
    workload = new HistoryWorkload("search").run(engine);
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void shouldFindRunningAndFinishedInstancesWhenSearchingByProcessId() {
    // when
    List<ProcessInstance> instances = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(workload.payProcess)).send().join().items();

    // then the four direct instances and the one the parent called, oldest first
    assertThat(instances).extracting(ProcessInstance::getProcessInstanceKey).startsWith(workload.completed,
        workload.repaired, workload.failing, workload.canceled).hasSize(5);
    assertThat(instances).extracting(ProcessInstance::getProcessInstanceKey, ProcessInstance::getState,
        ProcessInstance::getHasIncident).contains(
        tuple(workload.completed, ProcessInstanceState.COMPLETED, false),
        tuple(workload.repaired, ProcessInstanceState.ACTIVE, false),
        tuple(workload.failing, ProcessInstanceState.ACTIVE, true),
        tuple(workload.canceled, ProcessInstanceState.TERMINATED, false));
    ProcessInstance completed = instances.get(0);
    assertThat(completed.getEndDate()).isNotNull();
    assertThat(completed.getProcessDefinitionName()).isEqualTo("Pay an order");
    assertThat(completed.getRootProcessInstanceKey()).isEqualTo(workload.completed);
  }

  @Test
  void shouldFilterByStateIncidentAndAnyOfSeveralKeys() {
    assertThat(keys(client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(workload.payProcess)
        .state(ProcessInstanceState.COMPLETED)).send().join())).contains(workload.completed)
        .doesNotContain(workload.failing, workload.canceled);
    assertThat(keys(client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(workload.payProcess)
        .hasIncident(true)).send().join())).containsExactly(workload.failing);
    assertThat(keys(client.newProcessInstanceSearchRequest().filter(f -> f.processInstanceKey(k -> k.in(
        workload.canceled, workload.repaired))).send().join())).containsExactly(workload.repaired, workload.canceled);
    assertThat(keys(client.newProcessInstanceSearchRequest().filter(f -> f.processDefinitionId(p -> p.like("pay-sea*"))
        .state(s -> s.neq(ProcessInstanceState.ACTIVE))).send().join()))
        .contains(workload.completed, workload.canceled).doesNotContain(workload.failing);
  }

  @Test
  void shouldMatchEveryVariableFilterWhenSeveralAreGiven() {
    // when
    List<Long> byOne = keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.variables(Map.of("orderId", "A-3"))).send().join());
    List<Long> byBoth = keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.variables(Map.of("orderId", "A-1", "receipt", "R-1"))).send().join());
    List<Long> contradicting = keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.variables(Map.of("orderId", "A-1", "receipt", "R-P"))).send().join());

    // then
    assertThat(byOne).containsExactly(workload.failing);
    assertThat(byBoth).containsExactly(workload.completed);
    assertThat(contradicting).isEmpty();
  }

  @Test
  void shouldSortBothWaysAndPageForwardAndBack() {
    // when
    List<Long> ascending = keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(workload.payProcess)).sort(s -> s.processInstanceKey().asc()).send().join());
    List<Long> descending = keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(workload.payProcess)).sort(s -> s.processInstanceKey().desc()).send().join());
    List<Long> byStart = keys(client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(workload.payProcess)).sort(s -> s.startDate().desc()).send().join());
    SearchResponse<ProcessInstance> first = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(workload.payProcess)).sort(s -> s.processInstanceKey().asc())
        .page(p -> p.limit(2)).send().join();
    SearchResponse<ProcessInstance> second = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(workload.payProcess)).sort(s -> s.processInstanceKey().asc())
        .page(p -> p.after(first.page().endCursor()).limit(2)).send().join();
    SearchResponse<ProcessInstance> back = client.newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(workload.payProcess)).sort(s -> s.processInstanceKey().asc())
        .page(p -> p.before(second.page().startCursor()).limit(2)).send().join();

    // then
    List<Long> reversed = new java.util.ArrayList<>(ascending);
    java.util.Collections.reverse(reversed);
    assertThat(descending).containsExactlyElementsOf(reversed);
    assertThat(byStart).hasSameElementsAs(ascending);
    assertThat(first.page().totalItems()).isEqualTo(5);
    assertThat(keys(first)).containsExactlyElementsOf(ascending.subList(0, 2));
    assertThat(keys(second)).containsExactlyElementsOf(ascending.subList(2, 4));
    assertThat(keys(back)).containsExactlyElementsOf(keys(first));
  }

  @Test
  void shouldGetAFinishedInstanceAndItsCallHierarchy() {
    // when
    ProcessInstance finished = client.newProcessInstanceGetRequest(workload.completed).send().join();
    ProcessInstance child = client.newProcessInstanceSearchRequest()
        .filter(f -> f.parentProcessInstanceKey(workload.parent)).send().join().items().get(0);
    var hierarchy = client.newProcessInstanceGetCallHierarchyRequest(child.getProcessInstanceKey()).send().join();

    // then
    assertThat(finished.getState()).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(child.getRootProcessInstanceKey()).isEqualTo(workload.parent);
    assertThat(hierarchy).extracting(h -> h.getProcessInstanceKey())
        .containsExactly(workload.parent, child.getProcessInstanceKey());
    assertThatThrownBy(() -> client.newProcessInstanceGetRequest(42L).send().join())
        .hasMessageContaining("404").hasMessageContaining("Process instance with key 42 not found");
  }

  @Test
  void shouldListTheElementTreeWithStatesAndNames() {
    // when
    List<ElementInstance> elements = client.newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(workload.completed)).send().join().items();

    // then
    assertThat(elements).extracting(ElementInstance::getElementId, ElementInstance::getType,
        ElementInstance::getState).containsExactly(
        tuple(workload.payProcess, ElementInstanceType.PROCESS, ElementInstanceState.COMPLETED),
        tuple("received", ElementInstanceType.START_EVENT, ElementInstanceState.COMPLETED),
        tuple("charge", ElementInstanceType.SERVICE_TASK, ElementInstanceState.COMPLETED),
        tuple("book", ElementInstanceType.SUB_PROCESS, ElementInstanceState.COMPLETED),
        tuple("bookStart", ElementInstanceType.START_EVENT, ElementInstanceState.COMPLETED),
        tuple("write", ElementInstanceType.MANUAL_TASK, ElementInstanceState.COMPLETED),
        tuple("bookEnd", ElementInstanceType.END_EVENT, ElementInstanceState.COMPLETED),
        tuple("paid", ElementInstanceType.END_EVENT, ElementInstanceState.COMPLETED));
    ElementInstance charge = elements.get(2);
    assertThat(charge.getElementName()).isEqualTo("Charge the card");
    assertThat(charge.getEndDate()).isNotNull();
    assertThat(client.newElementInstanceGetRequest(charge.getElementInstanceKey()).send().join().getElementId())
        .isEqualTo("charge");
    List<ElementInstance> failing = client.newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(workload.failing).hasIncident(true)).send().join().items();
    assertThat(failing).extracting(ElementInstance::getElementId, ElementInstance::getState)
        .containsExactly(tuple("charge", ElementInstanceState.ACTIVE));
    assertThat(failing.get(0).getIncidentKey()).isEqualTo(workload.failingIncident);
  }

  @Test
  void shouldFindVariablesByNameAloneAndKeepAFinishedInstancesVariables() {
    // when
    List<Variable> byName = client.newVariableSearchRequest().filter(f -> f.name("orderId")
        .value("\"A-1\"")).send().join().items();
    List<Variable> byContent = client.newVariableSearchRequest().filter(f -> f.name("orderId").value("A-1"))
        .send().join().items();
    List<Variable> ofFinished = client.newVariableSearchRequest()
        .filter(f -> f.processInstanceKey(workload.completed)).sort(s -> s.name().asc()).send().join().items();

    // then the root variables stay; the subprocess's local "entry" ended with its scope
    assertThat(byName).extracting(Variable::getProcessInstanceKey).containsExactly(workload.completed);
    assertThat(byContent).extracting(Variable::getVariableKey)
        .containsExactly(byName.get(0).getVariableKey());
    assertThat(ofFinished).extracting(Variable::getName, Variable::getValue).containsExactly(
        tuple("amount", "\"120.50\""), tuple("orderId", "\"A-1\""), tuple("receipt", "\"R-1\""));
    assertThat(client.newVariableGetRequest(ofFinished.get(0).getVariableKey()).send().join().getValue())
        .isEqualTo("\"120.50\"");
    assertThat(client.newVariableSearchRequest().filter(f -> f.processInstanceKey(workload.repaired).name("amount"))
        .send().join().items()).extracting(Variable::getValue).containsExactly("\"79.00\"");
  }

  @Test
  void shouldSearchIncidentsOpenAndResolved() {
    // when
    List<Incident> open = client.newIncidentSearchRequest().filter(f -> f.processDefinitionId(workload.payProcess)
        .state(IncidentState.ACTIVE)).send().join().items();
    List<Incident> resolved = client.newIncidentSearchRequest().filter(f -> f.processInstanceKey(workload.repaired))
        .send().join().items();

    // then
    assertThat(open).extracting(Incident::getProcessInstanceKey, Incident::getErrorMessage, Incident::getElementId)
        .containsExactly(tuple(workload.failing, "card declined", "charge"));
    assertThat(resolved).extracting(Incident::getState).containsExactly(IncidentState.RESOLVED);
    assertThat(client.newIncidentGetRequest(workload.failingIncident).send().join().getJobKey())
        .isEqualTo(open.get(0).getJobKey());
    assertThat(client.newIncidentsByProcessInstanceSearchRequest(workload.failing).send().join().items())
        .extracting(Incident::getIncidentKey).containsExactly(workload.failingIncident);
  }

  @Test
  void shouldSearchJobsWithTheirStatesWorkersAndErrors() {
    // when
    List<Job> jobs = client.newJobSearchRequest().filter(f -> f.type(workload.jobType))
        .sort(s -> s.processInstanceKey().asc()).send().join().items();

    // then
    assertThat(jobs).extracting(Job::getProcessInstanceKey, Job::getState).startsWith(
        tuple(workload.completed, JobState.COMPLETED),
        tuple(workload.repaired, JobState.RETRIES_UPDATED),
        tuple(workload.failing, JobState.FAILED),
        tuple(workload.canceled, JobState.CANCELED));
    assertThat(jobs.get(2).getErrorMessage()).isEqualTo("card declined");
    assertThat(jobs.get(2).getRetries()).isZero();
    assertThat(jobs.get(0).getWorker()).isNotEmpty();
    assertThat(jobs.get(0).getEndTime()).isNotNull();
    assertThat(client.newJobSearchRequest().filter(f -> f.type(workload.jobType).state(JobState.FAILED))
        .send().join().items()).extracting(Job::getProcessInstanceKey).containsExactly(workload.failing);
  }

  @Test
  void shouldSearchProcessDefinitionsAndReturnTheirXml() {
    // when
    List<ProcessDefinition> definitions = client.newProcessDefinitionSearchRequest()
        .filter(f -> f.processDefinitionId(workload.payProcess)).send().join().items();
    String xml = client.newProcessDefinitionGetXmlRequest(definitions.get(0).getProcessDefinitionKey()).send().join();

    // then
    assertThat(definitions).extracting(ProcessDefinition::getName, ProcessDefinition::getVersion,
        ProcessDefinition::getResourceName).containsExactly(tuple("Pay an order", 1, "pay.bpmn"));
    assertThat(client.newProcessDefinitionGetRequest(definitions.get(0).getProcessDefinitionKey()).send().join()
        .getProcessDefinitionId()).isEqualTo(workload.payProcess);
    assertThat(xml).contains("Charge the card").contains("id=\"" + workload.payProcess + "\"");
  }

  @Test
  void shouldRefuseAFilterTheEngineCannotHonourNamingIt() {
    assertThatThrownBy(() -> client.newProcessInstanceSearchRequest().filter(f -> f.batchOperationId("b-1"))
        .send().join()).isInstanceOf(ProblemException.class).hasMessageContaining("400")
        .hasMessageContaining("'batchOperationId'");
  }

  @Test
  void shouldRefuseASortTheEngineCannotHonourNamingIt() throws Exception {
    // the client offers only known sort fields, so this request is sent by hand
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(engine.engine().restAddress() + "/v2/process-instances/search"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"sort\":[{\"field\":\"colour\",\"order\":\"ASC\"}]}")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("Sorting process instances by 'colour' is not supported");
  }

  private static List<Long> keys(SearchResponse<ProcessInstance> response) {
    return response.items().stream().map(ProcessInstance::getProcessInstanceKey).toList();
  }
}
