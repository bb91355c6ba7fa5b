package dev.engranaje.workers.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.ledger.LedgerEntry;
import dev.engranaje.workers.ledger.SideEffectInDoubt;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.secrets.SecretSource;
import dev.engranaje.workers.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobContextTest {
  @TempDir Path root;
  private SqliteIdempotencyLedger ledger;
  private final AtomicInteger sent = new AtomicInteger();

  record Receipt(String id) {}

  @BeforeEach
  void openLedger() {
    ledger = SqliteIdempotencyLedger.open(root.resolve("ledger.db"), Clock.systemUTC());
  }

  @AfterEach
  void closeLedger() {
    ledger.close();
  }

  private JobContext context(long jobKey) {
    JobInfo job = new JobInfo(jobKey, "rpa:test.send:1", 7, "p", "send", 3, Map.of());
    return new JobContext(job, Workspace.forInstance(root, 7, Map.of()),
        new SecretResolver(SecretSource.of(Map.of()), new Redactor()), ledger, new ObjectMapper(), Clock.systemUTC());
  }

  private Receipt send() {
    return new Receipt("MSG-" + sent.incrementAndGet());
  }

  @Test
  void shouldReturnTheRecordedResultInsteadOfActingAgainWhenTheJobIsRedelivered() throws Exception {
    JobContext first = context(11);
    Receipt original = first.once(first.idempotencyKey(), Receipt.class, this::send);

    // the same job delivered again, e.g. by a fresh runtime after a crash before completion
    JobContext again = context(11);
    Receipt redelivered = again.once(again.idempotencyKey(), Receipt.class, this::send);

    assertThat(redelivered).isEqualTo(original).isEqualTo(new Receipt("MSG-1"));
    assertThat(sent).hasValue(1);
    assertThat(ledger.find("rpa:test.send:1:11")).get().extracting(LedgerEntry::state).isEqualTo(LedgerEntry.State.DONE);
  }

  @Test
  void shouldActAgainWhenTheEarlierAttemptCertainlyFailed() throws Exception {
    JobContext context = context(12);

    assertThatThrownBy(() -> context.once(context.idempotencyKey(), Receipt.class, () -> {
      throw new IOException("connection refused");
    })).isInstanceOf(IOException.class);
    Receipt retried = context.once(context.idempotencyKey(), Receipt.class, this::send);

    assertThat(retried).isEqualTo(new Receipt("MSG-1"));
    assertThat(ledger.inDoubt()).isEmpty();
  }

  @Test
  void shouldRaiseAPermanentFailureAndNeverActAgainWhenTheEffectIsInDoubt() throws Exception {
    JobContext context = context(13);

    assertThatThrownBy(() -> context.once(context.idempotencyKey(), Receipt.class, () -> {
      throw new SideEffectInDoubt("connection lost after DATA", null);
    })).isInstanceOf(TechnicalFailure.class).satisfies(e -> assertThat(((TechnicalFailure) e).isRetryable()).isFalse());
    assertThatThrownBy(() -> context.once(context.idempotencyKey(), Receipt.class, this::send))
        .isInstanceOf(TechnicalFailure.class)
        .hasMessageContaining("it may have happened")
        .hasMessageContaining("run 'rpa worker ledger forget rpa:test.send:1:13'")
        .hasMessageContaining("if it did happen, do not retry");

    assertThat(sent).hasValue(0);
    assertThat(ledger.inDoubt()).extracting(LedgerEntry::key).containsExactly("rpa:test.send:1:13");
  }
}
