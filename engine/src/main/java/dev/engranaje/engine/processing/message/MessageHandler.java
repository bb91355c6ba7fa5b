package dev.engranaje.engine.processing.message;

import dev.engranaje.engine.gateway.CorrelatedMessage;
import dev.engranaje.engine.gateway.PublishMessage;
import dev.engranaje.engine.gateway.PublishedMessage;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.processing.bpmn.behavior.SubscriptionBehavior;
import dev.engranaje.engine.record.MessageIntent;
import dev.engranaje.engine.record.MessageRecord;
import dev.engranaje.engine.record.ProcessMessageSubscriptionRecord;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.ElementInstance;
import dev.engranaje.engine.state.ElementState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Publishes and correlates messages (spec §7.2). A published message reaches every open
 * subscription with its name and correlation key, at most once per bpmnProcessId. A message with a
 * time to live is also buffered until it expires, for subscriptions opened later; with none it is
 * dropped at once. A buffered message's id may not be published twice. Correlating (rather than
 * publishing) a message is refused when no subscription takes it, and never buffers.
 */
public final class MessageHandler {
  private final EngineState state;
  private final RecordWriter writer;
  private final Clock clock;
  private final SubscriptionBehavior subscriptions;

  static final String NO_SUBSCRIPTION = "Expected to correlate a message with name '%s' and correlation key '%s'"
      + " to an open subscription, but none was found; publish it with a time to live to buffer it instead";

  private final MessageStartEvents startEvents;

  public MessageHandler(EngineState state, RecordWriter writer, Clock clock, SubscriptionBehavior subscriptions,
      MessageStartEvents startEvents) {
    this.startEvents = startEvents;
    this.state = state;
    this.writer = writer;
    this.clock = clock;
    this.subscriptions = subscriptions;
  }

  /** Correlates a message at once, without buffering; the answer names the first instance it reached. */
  public CorrelatedMessage correlate(PublishMessage command) {
    String correlationKey = command.correlationKey() == null ? "" : command.correlationKey();
    if (command.name() == null || command.name().isBlank() || !anyReady(command.name(), correlationKey, command.tenantId())
        && (startEvents == null || !startEvents.wouldStart(command.name(), correlationKey, command.tenantId()))) {
      throw new Rejection(RejectionType.NOT_FOUND, String.format(NO_SUBSCRIPTION, command.name(), correlationKey));
    }
    PublishMessage now = new PublishMessage(command.name(), correlationKey, 0, null, command.variablesJson(),
        command.tenantId());
    List<Long> instances = new ArrayList<>();
    PublishedMessage published = publish(now, instances);
    return new CorrelatedMessage(published.messageKey(), instances.get(0), published.tenantId());
  }

  public PublishedMessage publish(PublishMessage command) {
    return publish(command, new ArrayList<>());
  }

  private PublishedMessage publish(PublishMessage command, List<Long> correlatedInstances) {
    if (command.name() == null || command.name().isBlank()) {
      throw new Rejection(RejectionType.INVALID_ARGUMENT, "Expected a message name, but none was given");
    }
    String correlationKey = command.correlationKey() == null ? "" : command.correlationKey();
    // a message whose time ran out in this same batch must not block its id from being reused
    expire(clock.millis());
    if (state.messages().isDuplicate(command.name(), correlationKey, command.messageId())) {
      throw new Rejection(RejectionType.ALREADY_EXISTS, "Expected to publish a new message, but a message with name '"
          + command.name() + "', correlation key '" + correlationKey + "' and id '" + command.messageId()
          + "' is already buffered");
    }
    String variables = JsonDocuments.object(JsonDocuments.entries(command.variablesJson()));
    long ttl = Math.max(0, command.timeToLiveMillis());
    long key = state.keys().next();
    MessageRecord message = new MessageRecord(command.name(), correlationKey, ttl, command.messageId(), variables,
        clock.millis() + ttl, command.tenantId());
    writer.event(key, MessageIntent.PUBLISHED, message);
    Set<String> reached = correlateToOpenSubscriptions(key, message, correlatedInstances);
    if (startEvents != null) {
      startEvents.onPublished(key, message, reached, correlatedInstances);
    }
    if (ttl == 0) {
      writer.event(key, MessageIntent.EXPIRED, message);
    }
    return new PublishedMessage(key, command.tenantId());
  }

  /** Gives the message to every open subscription that matches it, once per bpmnProcessId. */
  private Set<String> correlateToOpenSubscriptions(long messageKey, MessageRecord message,
      List<Long> correlatedInstances) {
    Set<String> reachedProcesses = new HashSet<>();
    for (long subscriptionKey : state.subscriptions().forMessage(message.name(), message.correlationKey())) {
      ProcessMessageSubscriptionRecord subscription = state.subscriptions().get(subscriptionKey);
      if (subscription == null || reachedProcesses.contains(subscription.bpmnProcessId())
          || !Objects.equals(subscription.tenantId(), message.tenantId())) {
        continue; // closed by an earlier correlation of this message, its process already has it, or another tenant's
      }
      if (subscriptions.correlate(subscriptionKey, messageKey, message.variables())) {
        reachedProcesses.add(subscription.bpmnProcessId());
        correlatedInstances.add(subscription.processInstanceKey());
      }
    }
    return reachedProcesses;
  }

  private boolean anyReady(String name, String correlationKey, String tenantId) {
    for (long subscriptionKey : state.subscriptions().forMessage(name, correlationKey)) {
      ProcessMessageSubscriptionRecord subscription = state.subscriptions().get(subscriptionKey);
      ElementInstance owner = state.elementInstances().get(subscription.elementInstanceKey());
      if (owner != null && owner.state() == ElementState.ACTIVATED && Objects.equals(subscription.tenantId(), tenantId)) {
        return true;
      }
    }
    return false;
  }

  /** Removes messages whose time to live has passed. */
  public void expire(long now) {
    for (long key : state.messages().expired(now)) {
      writer.event(key, MessageIntent.EXPIRED, state.messages().get(key));
    }
  }
}
