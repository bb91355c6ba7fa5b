/**
 * Releasing a payment file to the bank: {@link dev.engranaje.workers.finance.bankupload.UploadPaymentFileWorker}
 * ({@code rpa:payments.upload-payment-file:1}) uploads a pain.001 exactly once per message id.
 */
package dev.engranaje.workers.finance.bankupload;
