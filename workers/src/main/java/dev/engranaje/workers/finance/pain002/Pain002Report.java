package dev.engranaje.workers.finance.pain002;

import java.util.List;

/**
 * A parsed pain.002 status report.
 *
 * @param namespace the document's namespace (ISO pain.002.001.xx or a bank variant such as SIX .ch.02)
 * @param messageId GrpHdr/MsgId of the report
 * @param creationDateTime GrpHdr/CreDtTm as written
 * @param originalMessageId OrgnlGrpInfAndSts/OrgnlMsgId: the pain.001 it answers; {@code null} when absent
 * @param originalMessageNameId OrgnlGrpInfAndSts/OrgnlMsgNmId, e.g. {@code pain.001.001.03}
 * @param groupStatus the status of the whole original message
 * @param paymentInformation one per OrgnlPmtInfAndSts
 */
public record Pain002Report(
    String namespace,
    String messageId,
    String creationDateTime,
    String originalMessageId,
    String originalMessageNameId,
    Status groupStatus,
    List<PaymentInformationStatus> paymentInformation) {

  /**
   * The status of one original PmtInf.
   *
   * @param originalPaymentInformationId OrgnlPmtInfId
   * @param status PmtInfSts and its reason
   * @param transactions one per TxInfAndSts
   */
  public record PaymentInformationStatus(String originalPaymentInformationId, Status status, List<TransactionStatus> transactions) {}

  /**
   * The status of one original transaction.
   *
   * @param originalInstructionId OrgnlInstrId, {@code null} when absent
   * @param originalEndToEndId OrgnlEndToEndId
   * @param status TxSts and its reason
   */
  public record TransactionStatus(String originalInstructionId, String originalEndToEndId, Status status) {}
}
