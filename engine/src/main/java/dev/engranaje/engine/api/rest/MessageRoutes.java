package dev.engranaje.engine.api.rest;

import dev.engranaje.engine.gateway.EngineGateway;
import dev.engranaje.engine.gateway.PublishMessage;
import io.camunda.client.protocol.rest.MessageCorrelationRequest;
import io.camunda.client.protocol.rest.MessageCorrelationResult;
import io.camunda.client.protocol.rest.MessagePublicationRequest;
import io.camunda.client.protocol.rest.MessagePublicationResult;
import java.util.concurrent.CompletionStage;

/** {@code POST /v2/messages/publication} and {@code POST /v2/messages/correlation}. */
final class MessageRoutes {

  private final EngineGateway gateway;

  MessageRoutes(EngineGateway gateway) {
    this.gateway = gateway;
  }

  void register(Router router) {
    router.add("POST", "/v2/messages/publication", this::publish);
    router.add("POST", "/v2/messages/correlation", this::correlate);
  }

  private CompletionStage<RestResponse> correlate(RestRequest request) {
    MessageCorrelationRequest body = request.body(MessageCorrelationRequest.class);
    if (body.getName() == null || body.getName().isEmpty()) {
      throw RestRequest.badRequest("Expected a message name, but none was given");
    }
    PublishMessage command = new PublishMessage(body.getName(),
        body.getCorrelationKey() == null ? "" : body.getCorrelationKey(), 0, null,
        Json.variablesToJson(body.getVariables()), ProcessInstanceRoutes.tenant(body.getTenantId()));
    return gateway.correlateMessage(command).thenApply(correlated -> {
      MessageCorrelationResult result = new MessageCorrelationResult();
      result.setMessageKey(Json.key(correlated.messageKey()));
      result.setProcessInstanceKey(Json.key(correlated.processInstanceKey()));
      result.setTenantId(correlated.tenantId());
      return RestResponse.ok(result);
    });
  }

  private CompletionStage<RestResponse> publish(RestRequest request) {
    MessagePublicationRequest body = request.body(MessagePublicationRequest.class);
    if (body.getName() == null || body.getName().isEmpty()) {
      throw RestRequest.badRequest("Expected a message name, but none was given");
    }
    long timeToLive = body.getTimeToLive() == null ? 0 : body.getTimeToLive();
    if (timeToLive < 0) {
      throw RestRequest.badRequest(
          "Expected timeToLive to be at least 0, but got " + timeToLive);
    }
    PublishMessage command =
        new PublishMessage(
            body.getName(),
            body.getCorrelationKey() == null ? "" : body.getCorrelationKey(),
            timeToLive,
            body.getMessageId() == null || body.getMessageId().isEmpty()
                ? null
                : body.getMessageId(),
            Json.variablesToJson(body.getVariables()),
            ProcessInstanceRoutes.tenant(body.getTenantId()));
    return gateway
        .publishMessage(command)
        .thenApply(
            published -> {
              MessagePublicationResult result = new MessagePublicationResult();
              result.setMessageKey(Json.key(published.messageKey()));
              result.setTenantId(published.tenantId());
              return RestResponse.ok(result);
            });
  }
}
