package dev.engranaje.workers.finance.bankupload;

/**
 * What the bank answered an accepted upload with; recorded in the idempotency ledger, so a
 * redelivered job returns this same receipt.
 *
 * @param uploadId the bank's id of the upload
 * @param messageId the file's message id
 * @param at when the bank received it, as the bank states it (ISO instant)
 */
public record UploadReceipt(String uploadId, String messageId, String at) {}
