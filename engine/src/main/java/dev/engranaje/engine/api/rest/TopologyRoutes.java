package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.EngineHealth;
import dev.engranaje.engine.gateway.Topology;
import io.camunda.client.protocol.rest.BrokerInfo;
import io.camunda.client.protocol.rest.Partition;
import io.camunda.client.protocol.rest.TopologyResponse;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** {@code GET /v2/topology}: the embedded engine as a one-broker, one-partition cluster. */
final class TopologyRoutes {

  private final EngineGateway gateway;

  TopologyRoutes(EngineGateway gateway) {
    this.gateway = gateway;
  }

  void register(Router router) {
    router.add("GET", "/v2/topology", this::topology);
  }

  private CompletionStage<RestResponse> topology(RestRequest request) {
    return gateway.topology().thenApply(topology -> RestResponse.ok(toResponse(topology)));
  }

  /**
   * HEALTHY when ready; DEAD when a fatal error stopped the engine (only a restart helps);
   * UNHEALTHY while the storage refuses writes (the engine comes back by itself).
   */
  static Partition.HealthEnum health(EngineHealth health) {
    if (health.ready()) {
      return Partition.HealthEnum.HEALTHY;
    }
    boolean stopped = health.processor().status() == EngineHealth.Status.DOWN
        || health.logWriter().status() == EngineHealth.Status.DOWN;
    return stopped ? Partition.HealthEnum.DEAD : Partition.HealthEnum.UNHEALTHY;
  }

  private static TopologyResponse toResponse(Topology topology) {
    Partition partition = new Partition();
    partition.setPartitionId(1);
    partition.setRole(Partition.RoleEnum.LEADER);
    partition.setHealth(health(topology.health()));
    BrokerInfo broker = new BrokerInfo();
    broker.setNodeId(0);
    broker.setHost(topology.host());
    broker.setPort(topology.port());
    broker.setVersion(topology.version());
    broker.setPartitions(List.of(partition));
    TopologyResponse response = new TopologyResponse();
    response.setBrokers(List.of(broker));
    response.setClusterSize(1);
    response.setPartitionsCount(1);
    response.setReplicationFactor(1);
    response.setGatewayVersion(topology.version());
    return response;
  }
}
