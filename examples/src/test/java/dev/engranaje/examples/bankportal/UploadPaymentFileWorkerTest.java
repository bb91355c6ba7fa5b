package dev.engranaje.examples.bankportal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobInfo;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.finance.bankupload.UploadPaymentFileInput;
import dev.engranaje.workers.finance.bankupload.UploadPaymentFileOutput;
import dev.engranaje.workers.finance.bankupload.UploadPaymentFileWorker;
import dev.engranaje.workers.finance.pain001.Pain001Version;
import dev.engranaje.workers.ledger.LedgerEntry;
import dev.engranaje.workers.ledger.SqliteIdempotencyLedger;
import dev.engranaje.workers.secrets.Redactor;
import dev.engranaje.workers.secrets.SecretResolver;
import dev.engranaje.workers.secrets.SecretSource;
import dev.engranaje.workers.workspace.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload worker against the real mock portal, with the real SQLite idempotency ledger. */
class UploadPaymentFileWorkerTest {
  private static final String PASSWORD = "Portal-Pass-8812";
  private static final String TYPE = "rpa:payments.upload-payment-file:1";

  @TempDir Path directory;
  private BankPortal portal;
  private SqliteIdempotencyLedger ledger;
  private final UploadPaymentFileWorker worker = new UploadPaymentFileWorker();
  private SecretResolver secrets;

  @BeforeEach
  void start() throws Exception {
    portal = BankPortal.start(PASSWORD, List.of());
    ledger = SqliteIdempotencyLedger.open(directory.resolve("ledger.db"), Clock.systemUTC());
    secrets = new SecretResolver(SecretSource.of(Map.of("BANK_PORTAL_PASSWORD", PASSWORD, "WRONG", "Wrong-Pass-0000")), new Redactor());
    Files.createDirectories(directory.resolve("work/payments"));
    Files.write(directory.resolve("work/payments/run-1.xml"), PaymentFiles.twoPayments("MSG-RUN-1", Pain001Version.V09));
  }

  @AfterEach
  void stop() {
    ledger.close();
    portal.close();
  }

  @Test
  void shouldUploadTheFileAndReturnTheBanksReceipt() throws Exception {
    // when
    UploadPaymentFileOutput output = worker.handle(input("MSG-RUN-1", "secrets.BANK_PORTAL_PASSWORD"), context(1L));

    // then
    assertThat(output.uploadReceipt().uploadId()).isEqualTo("UPL-00001");
    assertThat(output.uploadReceipt().messageId()).isEqualTo("MSG-RUN-1");
    assertThat(output.uploadReceipt().at()).isEqualTo(portal.uploads().get(0).receivedAt().toString());
    assertThat(portal.uploads()).extracting(PaymentUpload::fileName).containsExactly("run-1.xml");
  }

  @Test
  void shouldReturnTheRecordedReceiptWithoutUploadingAgainWhenTheJobIsDeliveredAgainAfterACrash() throws Exception {
    // given: the first delivery uploaded, then the worker died before the engine heard of it
    UploadPaymentFileOutput first = worker.handle(input("MSG-RUN-1", "secrets.BANK_PORTAL_PASSWORD"), context(1L));

    // when: the engine delivers the job again (a new job key after the timeout, a new worker process)
    UploadPaymentFileOutput again = new UploadPaymentFileWorker().handle(input("MSG-RUN-1", "secrets.BANK_PORTAL_PASSWORD"), context(2L));

    // then
    assertThat(again).isEqualTo(first);
    assertThat(portal.uploadAttempts()).isEqualTo(1);
    assertThat(portal.uploads()).hasSize(1);
  }

  @Test
  void shouldRaiseAnIncidentWithoutUploadingWhenAnEarlierAttemptStartedAndNeverRecordedItsResult() throws Exception {
    // given: a worker died in the middle of the upload
    ledger.start(TYPE + ":MSG-RUN-1", TYPE, 1L);

    // when / then
    assertThatThrownBy(() -> worker.handle(input("MSG-RUN-1", "secrets.BANK_PORTAL_PASSWORD"), context(2L)))
        .isInstanceOfSatisfying(TechnicalFailure.class, failure -> assertThat(failure.isRetryable()).isFalse())
        .hasMessageContaining("may have happened").hasMessageContaining("rpa worker ledger forget " + TYPE + ":MSG-RUN-1");
    assertThat(portal.uploadAttempts()).isZero();
  }

  @Test
  void shouldFailPermanentlyWithoutLeavingALedgerEntryWhenTheLoginIsRefused() throws Exception {
    // when / then
    assertThatThrownBy(() -> worker.handle(input("MSG-RUN-1", "secrets.WRONG"), context(1L)))
        .isInstanceOfSatisfying(TechnicalFailure.class, failure -> assertThat(failure.isRetryable()).isFalse())
        .hasMessageContaining("refused the login").hasMessageContaining("secrets.WRONG(***)")
        .hasMessageNotContaining("Wrong-Pass-0000");
    assertThat(ledger.find(TYPE + ":MSG-RUN-1")).isEmpty();
    assertThat(portal.uploadAttempts()).isZero();
  }

  @Test
  void shouldThrowPaymentFileRefusedWithTheBanksReasonWhenTheBankRefusesTheFile() throws Exception {
    // given
    String valid = Files.readString(directory.resolve("work/payments/run-1.xml"));
    Files.writeString(directory.resolve("work/payments/run-1.xml"), valid.replace(PaymentFiles.OPEN_ACCOUNT, "NOT-AN-IBAN"));

    // when / then
    assertThatThrownBy(() -> worker.handle(input("MSG-RUN-1", "secrets.BANK_PORTAL_PASSWORD"), context(1L)))
        .isInstanceOfSatisfying(BusinessError.class, error -> {
          assertThat(error.code()).isEqualTo("PAYMENT_FILE_REFUSED");
          assertThat(error.variables()).containsEntry("paymentFileRefusal", error.getMessage());
        })
        .hasMessageContaining("run-1.xml").hasMessageContaining("NOT-AN-IBAN");
    assertThat(ledger.find(TYPE + ":MSG-RUN-1")).isEmpty();
  }

  @Test
  void shouldRefuseToUploadAFileThatCarriesAnotherMessageId() throws Exception {
    // when / then
    assertThatThrownBy(() -> worker.handle(input("MSG-OTHER-RUN", "secrets.BANK_PORTAL_PASSWORD"), context(1L)))
        .isInstanceOf(TechnicalFailure.class).hasMessageContaining("carries 'MSG-RUN-1'");
    assertThat(portal.uploadAttempts()).isZero();
  }

  @Test
  void shouldRaiseAnIncidentWhenTheBankAlreadyHasTheMessageIdFromAnUploadOutsideTheLedger() throws Exception {
    // given: the same file was released by hand on the portal
    worker.handle(input("MSG-RUN-1", "secrets.BANK_PORTAL_PASSWORD"), context(1L));
    ledger.forget(TYPE + ":MSG-RUN-1");

    // when / then
    assertThatThrownBy(() -> worker.handle(input("MSG-RUN-1", "secrets.BANK_PORTAL_PASSWORD"), context(2L)))
        .isInstanceOfSatisfying(TechnicalFailure.class, failure -> assertThat(failure.isRetryable()).isFalse())
        .hasMessageContaining("already has it").hasMessageContaining("Do not re-send");
    assertThat(portal.uploads()).hasSize(1);
    assertThat(ledger.find(TYPE + ":MSG-RUN-1")).map(LedgerEntry::state).isEmpty();
  }

  private UploadPaymentFileInput input(String messageId, String passwordReference) throws TechnicalFailure {
    return new UploadPaymentFileInput("payments/run-1.xml", messageId, portal.url().toString(), BankPortal.USER,
        secrets.resolve(passwordReference));
  }

  private JobContext context(long jobKey) {
    JobInfo job = new JobInfo(jobKey, TYPE, 100L, "supplier-payment", "upload-payment-file", 3, Map.of());
    return new JobContext(job, new Workspace(directory.resolve("work"), Map.of()), secrets, ledger, new ObjectMapper(), Clock.systemUTC());
  }
}
