package dev.engranaje.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.engine.record.MessageIntent;
import dev.engranaje.engine.record.Record;
import dev.engranaje.engine.record.RecordType;
import dev.engranaje.engine.record.ValueType;
import dev.engranaje.engine.testkit.TestEngine;
import io.camunda.client.api.command.ProblemException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Publishing messages (spec §7.2): buffering with a time to live, expiry and message-id de-duplication. */
class MessagePublicationTest {
  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TestEngine.inMemory();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void shouldDropMessageAtOnceWhenItHasNoTimeToLive() {
    // given
    String name = "statement-" + UUID.randomUUID();

    // when
    long key = engine.client().newPublishMessageCommand().messageName(name).correlationKey("ACC-1")
        .timeToLive(Duration.ZERO).send().join().getMessageKey();

    // then
    TestEngine.await("message expired", () -> !messageEvents(key, MessageIntent.EXPIRED).isEmpty());
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
    engine.clock().advance(Duration.ofMinutes(6));
    long second = engine.client().newPublishMessageCommand().messageName(name).correlationKey("PAY-7")
        .messageId("bank-msg-1").timeToLive(Duration.ofMinutes(5)).send().join().getMessageKey();

    // then the old message expired and the new one is buffered
    assertThat(second).isNotEqualTo(first);
    assertThat(messageEvents(first, MessageIntent.EXPIRED)).hasSize(1);
    assertThat(messageEvents(second, MessageIntent.EXPIRED)).isEmpty();
  }

  private static List<Record> messageEvents(long key, MessageIntent intent) {
    return engine.records().matching(r -> r.key() == key && r.valueType() == ValueType.MESSAGE
        && r.recordType() == RecordType.EVENT && r.intent() == intent);
  }
}
