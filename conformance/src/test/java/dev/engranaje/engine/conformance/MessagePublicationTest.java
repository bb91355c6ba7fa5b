package dev.engranaje.engine.conformance;

import static dev.engranaje.test.ProcessAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.record.MessageIntent;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.test.ProcessTest;
import dev.engranaje.test.ProcessTestEngine;
import io.camunda.client.api.command.ProblemException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Publishing messages (spec §7.2): buffering with a time to live, expiry and message-id de-duplication. */
@ProcessTest(autoTimeSkipping = false)
class MessagePublicationTest {
  ProcessTestEngine engine;

  @Test
  void shouldDropMessageAtOnceWhenItHasNoTimeToLive() {
    // given
    String name = "statement-" + UUID.randomUUID();

    // when
    long key = engine.client().newPublishMessageCommand().messageName(name).correlationKey("ACC-1")
        .timeToLive(Duration.ZERO).send().join().getMessageKey();

    // then
    engine.awaitIdle();
    assertThat(messageEvents(key, MessageIntent.EXPIRED)).as("message expired").isNotEmpty();
    assertThat(messageEvents(key, MessageIntent.PUBLISHED)).hasSize(1);
  }

  @Test
  void shouldRejectSameMessageIdWhileBufferedAndAcceptItOnceExpired() {
    // given a buffered message with an id
    String name = "payment-status-" + UUID.randomUUID();
    long first = engine.client().newPublishMessageCommand().messageName(name).correlationKey("PAY-7")
        .messageId("bank-msg-1").timeToLive(Duration.ofMinutes(5)).send().join().getMessageKey();

    // when the same id is published again while it is buffered
    ProblemException duplicate = catchThrowableOfType(ProblemException.class,
        () -> engine.client().newPublishMessageCommand().messageName(name).correlationKey("PAY-7")
            .messageId("bank-msg-1").timeToLive(Duration.ofMinutes(5)).send().join());

    // then it is refused as already existing
    assertThat(duplicate.code()).isEqualTo(409);
    assertThat(duplicate.details().getDetail()).contains("bank-msg-1");

    // when its time to live runs out and the id is published straight away, in the same instant
    engine.advance(Duration.ofMinutes(6));
    long second = engine.client().newPublishMessageCommand().messageName(name).correlationKey("PAY-7")
        .messageId("bank-msg-1").timeToLive(Duration.ofMinutes(5)).send().join().getMessageKey();

    // then the old message expired and the new one is buffered
    assertThat(second).isNotEqualTo(first);
    assertThat(messageEvents(first, MessageIntent.EXPIRED)).hasSize(1);
    assertThat(messageEvents(second, MessageIntent.EXPIRED)).isEmpty();
  }

  private List<Record> messageEvents(long key, MessageIntent intent) {
    return engine.records().matching(r -> r.key() == key && r.valueType() == ValueType.MESSAGE
        && r.recordType() == RecordType.EVENT && r.intent() == intent);
  }
}
