package dev.engranaje.workers.finance.pain001;

import dev.engranaje.workers.finance.pain001.SepaCharacters.Replacement;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A released pain.001 file: schema-valid and in place.
 *
 * @param path where it was written
 * @param version the message version
 * @param messageId GrpHdr/MsgId
 * @param numberOfTransactions GrpHdr/NbOfTxs
 * @param controlSum GrpHdr/CtrlSum (the sum of all amounts, whatever their currency, as ISO defines it)
 * @param batches one per PmtInf
 * @param replacements text changed to fit the SEPA character set
 */
public record Pain001File(
    Path path,
    Pain001Version version,
    String messageId,
    int numberOfTransactions,
    BigDecimal controlSum,
    List<Batch> batches,
    List<Replacement> replacements) {

  /**
   * One PmtInf block.
   *
   * @param paymentInfoId PmtInfId: the message id, '/', and the batch number
   * @param executionDate ReqdExctnDt
   * @param debtorIban DbtrAcct IBAN
   * @param numberOfTransactions NbOfTxs
   * @param controlSum CtrlSum
   * @param endToEndIds the payments in it
   */
  public record Batch(
      String paymentInfoId,
      LocalDate executionDate,
      String debtorIban,
      int numberOfTransactions,
      BigDecimal controlSum,
      List<String> endToEndIds) {}
}
