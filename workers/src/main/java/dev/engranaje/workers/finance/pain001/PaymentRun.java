package dev.engranaje.workers.finance.pain001;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A payment run: the payments one pain.001 message carries.
 *
 * @param messageId the message id (GrpHdr/MsgId): unique per file sent to the bank, at most 35
 *     SEPA characters
 * @param createdAt creation time written to GrpHdr/CreDtTm
 * @param initiatingParty name of the party that initiates the payments
 * @param payments the payments, at least one
 */
public record PaymentRun(String messageId, OffsetDateTime createdAt, String initiatingParty, List<CreditTransfer> payments) {
  public PaymentRun {
    payments = payments == null ? List.of() : List.copyOf(payments);
  }
}
