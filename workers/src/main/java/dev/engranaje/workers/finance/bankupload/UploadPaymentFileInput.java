package dev.engranaje.workers.finance.bankupload;

import dev.engranaje.workers.api.Secret;

/**
 * The input of {@link UploadPaymentFileWorker}.
 *
 * @param paymentFile workspace reference to the pain.001 (as written by {@code rpa:payments.write-pain001:1})
 * @param messageId the file's GrpHdr/MsgId; the idempotency key, and checked against the file
 * @param portalUrl the bank portal's base URL, e.g. {@code https://banking.example} (the worker signs in at
 *     {@code /login} and uploads at {@code /payments/upload})
 * @param user the portal user
 * @param password a secret reference, e.g. {@code secrets.BANK_PORTAL_PASSWORD}
 */
public record UploadPaymentFileInput(String paymentFile, String messageId, String portalUrl, String user, Secret password) {}
