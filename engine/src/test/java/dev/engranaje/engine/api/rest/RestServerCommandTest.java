package dev.engranaje.engine.api.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.gateway.CreateProcessInstance;
import dev.engranaje.engine.gateway.CreatedProcessInstance;
import dev.engranaje.engine.gateway.DeploymentResource;
import dev.engranaje.engine.gateway.PublishMessage;
import dev.engranaje.engine.gateway.UserTaskUpdate;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.response.CorrelateMessageResponse;
import io.camunda.client.api.response.PublishMessageResponse;
import io.camunda.client.api.response.Topology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestServerCommandTest {

  static final String BPMN =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          id="d" targetNamespace="http://engranaje.dev">
        <bpmn:process id="order" isExecutable="true">
          <bpmn:startEvent id="start"/>
        </bpmn:process>
      </bpmn:definitions>
      """;

  private final FakeGateway gateway = new FakeGateway();
  private RestServer server;
  private CamundaClient client;

  @BeforeEach
  void start() {
    server = RestServer.start(gateway, "127.0.0.1", 0);
    client = newClient(server);
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  static CamundaClient newClient(RestServer server) {
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://127.0.0.1:" + server.port()))
        .grpcAddress(URI.create("http://127.0.0.1:" + server.port()))
        .preferRestOverGrpc(true)
        .build();
  }

  @Test
  void shouldReportOneHealthyBrokerWhenTopologyIsRequested() {
    // when
    Topology topology = client.newTopologyRequest().send().join();

    // then
    assertThat(topology.getClusterSize()).isEqualTo(1);
    assertThat(topology.getPartitionsCount()).isEqualTo(1);
    assertThat(topology.getReplicationFactor()).isEqualTo(1);
    assertThat(topology.getGatewayVersion()).isEqualTo("8.9.0");
    assertThat(topology.getBrokers()).singleElement()
        .satisfies(
            broker -> {
              assertThat(broker.getAddress()).isEqualTo("127.0.0.1:8080");
              assertThat(broker.getPartitions()).singleElement()
                  .satisfies(
                      partition -> {
                        assertThat(partition.getPartitionId()).isEqualTo(1);
                        assertThat(partition.isLeader()).isTrue();
                      });
            });
  }

  @Test
  void shouldPassResourcesAndReturnProcessesWhenDeploying() throws Exception {
    // when
    DeploymentEvent deployment =
        client.newDeployResourceCommand().addResourceStringUtf8(BPMN, "order.bpmn").send().join();

    // then
    FakeGateway.Call call = gateway.nextCall();
    assertThat(call.method()).isEqualTo("deploy");
    @SuppressWarnings("unchecked")
    List<DeploymentResource> resources = (List<DeploymentResource>) call.arg(0);
    assertThat(resources).singleElement()
        .satisfies(
            resource -> {
              assertThat(resource.name()).isEqualTo("order.bpmn");
              assertThat(new String(resource.content(), StandardCharsets.UTF_8)).isEqualTo(BPMN);
            });
    assertThat(call.arg(1)).isEqualTo("<default>");
    assertThat(deployment.getKey()).isEqualTo(2251799813685249L);
    assertThat(deployment.getTenantId()).isEqualTo("<default>");
    assertThat(deployment.getProcesses()).singleElement()
        .satisfies(
            process -> {
              assertThat(process.getBpmnProcessId()).isEqualTo("order");
              assertThat(process.getVersion()).isEqualTo(1);
              assertThat(process.getProcessDefinitionKey()).isEqualTo(2251799813685250L);
              assertThat(process.getResourceName()).isEqualTo("order.bpmn");
              assertThat(process.getTenantId()).isEqualTo("<default>");
            });
  }

  @Test
  void shouldKeepEveryFileWhenDeployingSeveralResources() throws Exception {
    // given
    byte[] binary = {0, '\r', '\n', '-', '-', 1, (byte) 0xff};

    // when
    client
        .newDeployResourceCommand()
        .addResourceBytes(binary, "first.bpmn")
        .addResourceStringUtf8(BPMN, "zweite-größe.bpmn")
        .tenantId("acme")
        .send()
        .join();

    // then
    FakeGateway.Call call = gateway.nextCall();
    @SuppressWarnings("unchecked")
    List<DeploymentResource> resources = (List<DeploymentResource>) call.arg(0);
    assertThat(resources).extracting(DeploymentResource::name)
        .containsExactly("first.bpmn", "zweite-größe.bpmn");
    assertThat(resources.get(0).content()).isEqualTo(binary);
    assertThat(call.arg(1)).isEqualTo("acme");
  }

  @Test
  void shouldCreateInstanceOfLatestVersionWhenCreatedByProcessId() throws Exception {
    // when
    ProcessInstanceEvent instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("order")
            .latestVersion()
            .variables(Map.of("amount", 12.5, "customer", "ana"))
            .startBeforeElement("review")
            .send()
            .join();

    // then
    CreateProcessInstance command = (CreateProcessInstance) gateway.nextCall().arg(0);
    assertThat(command.bpmnProcessId()).isEqualTo("order");
    assertThat(command.version()).isIn(null, -1);
    assertThat(command.processDefinitionKey()).isNull();
    assertThat(command.variablesJson()).contains("\"amount\":12.5").contains("\"customer\":\"ana\"");
    assertThat(command.startElementIds()).containsExactly("review");
    assertThat(command.awaitCompletion()).isFalse();
    assertThat(command.tenantId()).isEqualTo("<default>");
    assertThat(instance.getProcessInstanceKey()).isEqualTo(2251799813685251L);
    assertThat(instance.getProcessDefinitionKey()).isEqualTo(2251799813685250L);
    assertThat(instance.getBpmnProcessId()).isEqualTo("order");
    assertThat(instance.getVersion()).isEqualTo(1);
  }

  @Test
  void shouldSelectDefinitionByKeyWhenCreatedByKey() throws Exception {
    // when
    client.newCreateInstanceCommand().processDefinitionKey(2251799813685250L).send().join();

    // then
    CreateProcessInstance command = (CreateProcessInstance) gateway.nextCall().arg(0);
    assertThat(command.processDefinitionKey()).isEqualTo(2251799813685250L);
    assertThat(command.bpmnProcessId()).isNull();
  }

  @Test
  void shouldReturnVariablesWhenCreatedWithResult() throws Exception {
    // given
    gateway.created =
        new CreatedProcessInstance(
            2251799813685250L, "order", 3, 2251799813685251L, "<default>", "{\"total\":42}");

    // when
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("order")
            .version(3)
            .withResult()
            .fetchVariables("total")
            .requestTimeout(Duration.ofSeconds(7))
            .send()
            .join();

    // then
    CreateProcessInstance command = (CreateProcessInstance) gateway.nextCall().arg(0);
    assertThat(command.awaitCompletion()).isTrue();
    assertThat(command.version()).isEqualTo(3);
    assertThat(command.requestTimeoutMillis()).isEqualTo(7000);
    assertThat(command.fetchVariables()).containsExactly("total");
    assertThat(result.getVariablesAsMap()).containsEntry("total", 42);
    assertThat(result.getProcessInstanceKey()).isEqualTo(2251799813685251L);
    assertThat(result.getVersion()).isEqualTo(3);
  }

  @Test
  void shouldCancelTheInstanceWhenCancelIsSent() throws Exception {
    // when
    client.newCancelInstanceCommand(2251799813685251L).send().join();

    // then
    FakeGateway.Call call = gateway.nextCall();
    assertThat(call.method()).isEqualTo("cancelProcessInstance");
    assertThat(call.arg(0)).isEqualTo(2251799813685251L);
  }

  @Test
  void shouldPublishWithAllFieldsWhenMessageIsPublished() throws Exception {
    // when
    PublishMessageResponse response =
        client
            .newPublishMessageCommand()
            .messageName("paid")
            .correlationKey("order-7")
            .messageId("m-1")
            .timeToLive(Duration.ofMinutes(2))
            .variables(Map.of("paid", true))
            .send()
            .join();

    // then
    PublishMessage command = (PublishMessage) gateway.nextCall().arg(0);
    assertThat(command)
        .isEqualTo(
            new PublishMessage("paid", "order-7", 120_000, "m-1", "{\"paid\":true}", "<default>"));
    assertThat(response.getMessageKey()).isEqualTo(2251799813685260L);
    assertThat(response.getTenantId()).isEqualTo("<default>");
  }

  @Test
  void shouldCorrelateWithNameKeyAndVariablesWhenMessageIsCorrelated() throws Exception {
    // when
    CorrelateMessageResponse response =
        client
            .newCorrelateMessageCommand()
            .messageName("paid")
            .correlationKey("order-8")
            .variables(Map.of("paid", true))
            .send()
            .join();

    // then
    PublishMessage command = (PublishMessage) gateway.nextCall("correlateMessage").arg(0);
    assertThat(command)
        .isEqualTo(new PublishMessage("paid", "order-8", 0, null, "{\"paid\":true}", "<default>"));
    assertThat(response.getMessageKey()).isEqualTo(2251799813685300L);
    assertThat(response.getProcessInstanceKey()).isEqualTo(2251799813685301L);
  }

  @Test
  void shouldSetLocalVariablesWhenSetVariablesIsSent() throws Exception {
    // when
    client
        .newSetVariablesCommand(2251799813685280L)
        .variables(Map.of("approved", "yes"))
        .local(true)
        .send()
        .join();

    // then
    FakeGateway.Call call = gateway.nextCall();
    assertThat(call.method()).isEqualTo("setVariables");
    assertThat(call.args()).containsExactly(2251799813685280L, "{\"approved\":\"yes\"}", true);
  }

  @Test
  void shouldResolveTheIncidentWhenResolveIsSent() throws Exception {
    // when
    client.newResolveIncidentCommand(2251799813685290L).send().join();

    // then
    FakeGateway.Call call = gateway.nextCall();
    assertThat(call.method()).isEqualTo("resolveIncident");
    assertThat(call.arg(0)).isEqualTo(2251799813685290L);
  }

  @Test
  void shouldPassNamedAttributesAndClearsButNotOmittedOnesWhenUserTaskIsUpdated() throws Exception {
    // when
    client.newUpdateUserTaskCommand(2251799813685300L).candidateUsers("ana").clearCandidateGroups().clearDueDate()
        .followUpDate("2031-05-01T09:30:00Z").priority(70).action("escalate").send().join();

    // then
    FakeGateway.Call call = gateway.nextCall();
    assertThat(call.method()).isEqualTo("updateUserTask");
    assertThat(call.args()).containsExactly(2251799813685300L,
        new UserTaskUpdate(List.of(), List.of("ana"), "", "2031-05-01T09:30:00Z", 70, "escalate"));
  }

  @Test
  void shouldRejectWithBadRequestWithoutCallingTheEngineWhenUserTaskUpdateHasWrongTypes() throws Exception {
    // given
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
            + "/v2/user-tasks/2251799813685300"))
        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"changeset\":{\"priority\":\"high\"}}"))
        .header("Content-Type", "application/json").build();

    // when
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("Expected 'changeset.priority' to be a whole number");
    assertThat(gateway.pendingCalls()).isZero();
  }
}
