package dev.engranaje.engine.processing.message;

import dev.engranaje.engine.gateway.PublishMessage;
import dev.engranaje.engine.gateway.PublishedMessage;
import dev.engranaje.engine.gateway.Rejection;
import dev.engranaje.engine.gateway.RejectionType;
import dev.engranaje.engine.processing.JsonDocuments;
import dev.engranaje.engine.processing.RecordWriter;
import dev.engranaje.engine.record.MessageIntent;
import dev.engranaje.engine.record.MessageRecord;
import dev.engranaje.engine.state.EngineState;
import java.time.Clock;

/**
 * Publishes messages (spec §7.2). A message with a time to live is buffered until it expires; with
 * none it is dropped at once. A buffered message's id may not be published twice.
 */
public final class MessageHandler {
  private final EngineState state;
  private final RecordWriter writer;
  private final Clock clock;

  public MessageHandler(EngineState state, RecordWriter writer, Clock clock) {
    this.state = state;
    this.writer = writer;
    this.clock = clock;
  }

  public PublishedMessage publish(PublishMessage command) {
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
    if (ttl == 0) {
      writer.event(key, MessageIntent.EXPIRED, message);
    }
    return new PublishedMessage(key, command.tenantId());
  }

  /** Removes messages whose time to live has passed. */
  public void expire(long now) {
    for (long key : state.messages().expired(now)) {
      writer.event(key, MessageIntent.EXPIRED, state.messages().get(key));
    }
  }
}
