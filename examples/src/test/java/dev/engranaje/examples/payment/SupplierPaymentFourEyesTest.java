package dev.engranaje.examples.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.record.JobIntent;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobWorker;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.UserTask;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Must show 2: the four-eyes rule cannot be bypassed through the API. Each test drives the real
 * process the way someone trying to get round the controls would, through the official client.
 */
class SupplierPaymentFourEyesTest {
  @TempDir Path root;

  @Test
  void shouldOfferTheApprovalAgainWhenThePreparerApprovesTheirOwnRun() throws Exception {
    try (PaymentProcessHarness harness = PaymentProcessHarness.start(root, builder -> {})) {
      // given
      long instance = harness.requestRun("htmlunit");
      UserTask approval = untilTheFirstApproval(harness, instance);

      // when
      harness.approve(approval, SupplierPaymentStack.PREPARER);

      // then
      UserTask again = harness.awaitTaskAgain(instance, "approve-run", approval.getUserTaskKey());
      assertThat(String.valueOf(harness.localVariables(again.getElementInstanceKey()).get("fourEyesMessage")))
          .contains(SupplierPaymentStack.PREPARER);
      assertThat(harness.elementsCompleted(instance)).doesNotContain("write-pain001", "approve-run-second");
      assertThat(harness.stack().portal().uploadAttempts()).isZero();
    }
  }

  @Test
  void shouldNotCountOnePersonTwiceWhenTheSameApproverTakesTheSecondApproval() throws Exception {
    try (PaymentProcessHarness harness = PaymentProcessHarness.start(root, builder -> {})) {
      // given
      long instance = harness.requestRun("htmlunit");
      harness.approve(untilTheFirstApproval(harness, instance), SupplierPaymentStack.FIRST_APPROVER);
      UserTask second = harness.awaitTask(instance, "approve-run-second");

      // when
      harness.approve(second, SupplierPaymentStack.FIRST_APPROVER);

      // then: refused and offered again; a different person then releases the run
      UserTask again = harness.awaitTaskAgain(instance, "approve-run-second", second.getUserTaskKey());
      assertThat(String.valueOf(harness.localVariables(again.getElementInstanceKey()).get("fourEyesMessage")))
          .contains(SupplierPaymentStack.FIRST_APPROVER);
      assertThat(harness.stack().portal().uploadAttempts()).isZero();
      harness.approve(again, SupplierPaymentStack.SECOND_APPROVER);
      assertThat(harness.awaitEnd(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(harness.stack().portal().uploads()).hasSize(1);
    }
  }

  @Test
  void shouldTakeTheApproverFromTheTasksAssigneeNotFromWhatTheCompletingClientClaims() throws Exception {
    try (PaymentProcessHarness harness = PaymentProcessHarness.start(root, builder -> {})) {
      // given: the preparer claimed the approval task
      long instance = harness.requestRun("htmlunit");
      UserTask approval = untilTheFirstApproval(harness, instance);
      harness.client().newAssignUserTaskCommand(approval.getUserTaskKey()).assignee(SupplierPaymentStack.PREPARER).send().join();

      // when: a client completes it through the API, claiming in the variables to be the controller
      harness.client().newCompleteUserTaskCommand(approval.getUserTaskKey()).variables(Map.of("approved", true,
          "approvalComment", "approved", "approver", SupplierPaymentStack.FIRST_APPROVER, "user", SupplierPaymentStack.FIRST_APPROVER,
          "approvals", java.util.List.of(Map.of("user", SupplierPaymentStack.FIRST_APPROVER, "role", "approval", "approved", true))))
          .send().join();

      // then
      UserTask again = harness.awaitTaskAgain(instance, "approve-run", approval.getUserTaskKey());
      assertThat(String.valueOf(harness.localVariables(again.getElementInstanceKey()).get("fourEyesMessage")))
          .contains(SupplierPaymentStack.PREPARER);

      // and a task completed with no assignee at all counts for nobody
      harness.client().newCompleteUserTaskCommand(again.getUserTaskKey()).variables(Map.of("approved", true)).send().join();
      UserTask third = harness.awaitTaskAgain(instance, "approve-run", again.getUserTaskKey());
      assertThat(third.getUserTaskKey()).isNotEqualTo(approval.getUserTaskKey());
      assertThat(harness.elementsCompleted(instance)).doesNotContain("write-pain001");
      assertThat(harness.stack().portal().uploadAttempts()).isZero();
    }
  }

  @Test
  void shouldLetOneUploadReachTheBankWhenTheWorkerCrashesAfterUploadingAndTheJobIsDeliveredAgain() throws Exception {
    AtomicBoolean crashed = new AtomicBoolean();
    try (PaymentProcessHarness harness = PaymentProcessHarness.start(root,
        builder -> builder.wrap("rpa:payments.upload-payment-file:1", worker -> crashingOnceAfter(worker, crashed)))) {
      // given
      long instance = harness.requestRun("htmlunit");

      // when
      harness.completeThePeoplesTasks(instance);

      // then
      assertThat(harness.awaitEnd(instance)).isEqualTo(ProcessInstanceState.COMPLETED);
      assertThat(crashed).isTrue();
      assertThat(harness.jobEventCount(instance, "upload-payment-file", JobIntent.FAILED)).isEqualTo(1);
      assertThat(harness.jobEventCount(instance, "upload-payment-file", JobIntent.COMPLETED)).isEqualTo(1);
      assertThat(harness.stack().portal().uploadAttempts()).isEqualTo(1);
      assertThat(harness.stack().portal().uploads()).hasSize(1);
    }
  }

  /** Does the review and the verification as their people, and returns the first approval task. */
  private static UserTask untilTheFirstApproval(PaymentProcessHarness harness, long instance) {
    harness.reviewAndVerify(instance);
    return harness.awaitTask(instance, "approve-run");
  }

  /**
   * The real upload worker, which the first time dies right after the bank accepted the file (the
   * result is in the ledger, the engine never hears of it): the job fails and is delivered again.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static JobWorker<?, ?> crashingOnceAfter(JobWorker<?, ?> real, AtomicBoolean crashed) {
    JobWorker delegate = real;
    return new JobWorker<Object, Object>() {
      @Override
      public Class<Object> inputType() {
        return delegate.inputType();
      }

      @Override
      public Object handle(Object input, JobContext context) throws Exception {
        Object result = delegate.handle(input, context);
        if (crashed.compareAndSet(false, true)) {
          throw new IllegalStateException("simulated crash after the upload, before the job was completed");
        }
        return result;
      }

      @Override
      public String jobType() {
        return delegate.jobType();
      }
    };
  }
}
