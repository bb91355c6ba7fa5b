package dev.engranaje.workers.finance.bankupload;

/** The output of {@link UploadPaymentFileWorker}: the variable {@code uploadReceipt}. */
public record UploadPaymentFileOutput(UploadReceipt uploadReceipt) {}
