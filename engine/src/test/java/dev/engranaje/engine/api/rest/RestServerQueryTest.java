package dev.engranaje.engine.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.gateway.IncidentFilter;
import dev.engranaje.engine.gateway.IncidentView;
import dev.engranaje.engine.gateway.ProcessInstanceFilter;
import dev.engranaje.engine.gateway.ProcessInstanceView;
import dev.engranaje.engine.gateway.VariableView;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.Variable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestServerQueryTest {

  private static final long INSTANCE_KEY = 2251799813685251L;
  private static final long CREATED_AT = 1_700_000_000_123L;

  private final FakeGateway gateway = new FakeGateway();
  private RestServer server;
  private CamundaClient client;

  @BeforeEach
  void start() {
    server = RestServer.start(gateway, "127.0.0.1", 0);
    client = RestServerCommandTest.newClient(server);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private static IncidentView incident(long key) {
    return new IncidentView(
        key,
        "JOB_NO_RETRIES",
        "printer on fire",
        "order",
        2251799813685250L,
        INSTANCE_KEY,
        "charge",
        2251799813685299L,
        2251799813685300L,
        "ACTIVE",
        CREATED_AT,
        "<default>");
  }

  private static ProcessInstanceView instance(String state, long endTime) {
    return new ProcessInstanceView(
        INSTANCE_KEY, "order", 2, 2251799813685250L, state, CREATED_AT, endTime, true, -1, -1,
        "<default>");
  }

  @Test
  void shouldFilterAndMapIncidentsWhenIncidentsAreSearched() throws Exception {
    // given
    gateway.incidents = List.of(incident(2251799813685290L));

    // when
    SearchResponse<Incident> response =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(INSTANCE_KEY).state(IncidentState.ACTIVE))
            .send()
            .join();

    // then
    assertThat(gateway.nextCall().arg(0))
        .isEqualTo(new IncidentFilter(null, INSTANCE_KEY, "ACTIVE", null, null));
    assertThat(response.page().totalItems()).isEqualTo(1);
    assertThat(response.items()).singleElement()
        .satisfies(
            incident -> {
              assertThat(incident.getIncidentKey()).isEqualTo(2251799813685290L);
              assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
              assertThat(incident.getErrorMessage()).isEqualTo("printer on fire");
              assertThat(incident.getProcessDefinitionId()).isEqualTo("order");
              assertThat(incident.getProcessDefinitionKey()).isEqualTo(2251799813685250L);
              assertThat(incident.getProcessInstanceKey()).isEqualTo(INSTANCE_KEY);
              assertThat(incident.getElementId()).isEqualTo("charge");
              assertThat(incident.getElementInstanceKey()).isEqualTo(2251799813685299L);
              assertThat(incident.getJobKey()).isEqualTo(2251799813685300L);
              assertThat(incident.getState()).isEqualTo(IncidentState.ACTIVE);
              assertThat(incident.getTenantId()).isEqualTo("<default>");
              assertThat(incident.getCreationTime())
                  .isEqualTo(OffsetDateTime.of(2023, 11, 14, 22, 13, 20, 123_000_000, ZoneOffset.UTC));
            });
  }

  @Test
  void shouldPassEveryIncidentFilterWhenAllAreGiven() throws Exception {
    // when
    client
        .newIncidentSearchRequest()
        .filter(
            f ->
                f.incidentKey(7L)
                    .errorType(IncidentErrorType.IO_MAPPING_ERROR)
                    .processDefinitionId("order"))
        .send()
        .join();

    // then
    assertThat(gateway.nextCall().arg(0))
        .isEqualTo(new IncidentFilter(7L, null, null, "IO_MAPPING_ERROR", "order"));
  }

  @Test
  void shouldPageResultsWhenALimitIsGiven() throws Exception {
    // given
    gateway.incidents = List.of(incident(1), incident(2), incident(3));

    // when
    SearchResponse<Incident> first =
        client.newIncidentSearchRequest().page(p -> p.limit(2)).send().join();
    SearchResponse<Incident> second =
        client
            .newIncidentSearchRequest()
            .page(p -> p.limit(2).after(first.page().endCursor()))
            .send()
            .join();

    // then
    assertThat(first.items()).extracting(Incident::getIncidentKey).containsExactly(1L, 2L);
    assertThat(first.page().totalItems()).isEqualTo(3);
    assertThat(second.items()).extracting(Incident::getIncidentKey).containsExactly(3L);
  }

  @Test
  void shouldReturnTheIncidentWhenFetchedByKey() throws Exception {
    // given
    gateway.incidents = List.of(incident(2251799813685290L));

    // when
    Incident incident = client.newIncidentGetRequest(2251799813685290L).send().join();

    // then
    assertThat(gateway.nextCall().arg(0))
        .isEqualTo(new IncidentFilter(2251799813685290L, null, null, null, null));
    assertThat(incident.getIncidentKey()).isEqualTo(2251799813685290L);
  }

  @Test
  void shouldMapAllFieldsWhenProcessInstanceIsFetched() throws Exception {
    // given
    gateway.processInstance = Optional.of(instance("COMPLETED", CREATED_AT + 1000));

    // when
    ProcessInstance instance = client.newProcessInstanceGetRequest(INSTANCE_KEY).send().join();

    // then
    assertThat(gateway.nextCall().arg(0)).isEqualTo(INSTANCE_KEY);
    assertThat(instance.getProcessInstanceKey()).isEqualTo(INSTANCE_KEY);
    assertThat(instance.getProcessDefinitionId()).isEqualTo("order");
    assertThat(instance.getProcessDefinitionVersion()).isEqualTo(2);
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(2251799813685250L);
    assertThat(instance.getState()).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(instance.getStartDate()).isEqualTo(OffsetDateTime.parse("2023-11-14T22:13:20.123Z"));
    assertThat(instance.getEndDate()).isEqualTo(OffsetDateTime.parse("2023-11-14T22:13:21.123Z"));
    assertThat(instance.getHasIncident()).isTrue();
    assertThat(instance.getParentProcessInstanceKey()).isNull();
    assertThat(instance.getTenantId()).isEqualTo("<default>");
  }

  @Test
  void shouldFilterProcessInstancesWhenSearched() throws Exception {
    // given
    gateway.processInstances = List.of(instance("ACTIVE", -1));

    // when
    SearchResponse<ProcessInstance> response =
        client
            .newProcessInstanceSearchRequest()
            .filter(
                f ->
                    f.processDefinitionId("order")
                        .state(ProcessInstanceState.ACTIVE)
                        .hasIncident(true)
                        .processInstanceKey(INSTANCE_KEY))
            .send()
            .join();

    // then
    assertThat(gateway.nextCall().arg(0))
        .isEqualTo(new ProcessInstanceFilter(INSTANCE_KEY, "order", "ACTIVE", true));
    assertThat(response.items()).singleElement()
        .satisfies(instance -> assertThat(instance.getEndDate()).isNull());
  }

  @Test
  void shouldReturnJsonValuesWhenVariablesAreSearched() throws Exception {
    // given
    gateway.variables =
        List.of(
            new VariableView(11, "amount", "12.5", 2251799813685299L, INSTANCE_KEY, "<default>"),
            new VariableView(12, "name", "\"ana\"", INSTANCE_KEY, INSTANCE_KEY, "<default>"));

    // when
    SearchResponse<Variable> response =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(INSTANCE_KEY).scopeKey(2251799813685299L))
            .send()
            .join();

    // then
    FakeGateway.Call call = gateway.nextCall();
    assertThat(call.args()).containsExactly(INSTANCE_KEY, 2251799813685299L);
    assertThat(response.items())
        .extracting(Variable::getName, Variable::getValue, Variable::getScopeKey)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("amount", "12.5", 2251799813685299L),
            org.assertj.core.groups.Tuple.tuple("name", "\"ana\"", INSTANCE_KEY));
  }
}
