package dev.engranaje.examples.bankportal;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A pain.001 file the portal accepted, with the status report the bank answered it with.
 *
 * @param uploadId the bank's id of the upload, shown on the receipt and the status page
 * @param messageId the file's GrpHdr/MsgId (the bank refuses a second file with the same one)
 * @param fileName the name the file was uploaded under
 * @param receivedAt when the portal accepted it
 * @param transactions how many credit transfers it holds
 * @param controlSum the sum of their amounts
 * @param rejected how many of them the bank rejected
 * @param statusReport the pain.002 the bank offers for it
 */
public record PaymentUpload(
    String uploadId,
    String messageId,
    String fileName,
    Instant receivedAt,
    int transactions,
    BigDecimal controlSum,
    int rejected,
    byte[] statusReport) {

  public PaymentUpload {
    statusReport = statusReport.clone();
  }

  @Override
  public byte[] statusReport() {
    return statusReport.clone();
  }

  /** The status a person reads in the list: accepted, partly accepted or rejected. */
  public String status() {
    return rejected == 0 ? "Accepted" : rejected == transactions ? "Rejected" : "Partly accepted";
  }
}
