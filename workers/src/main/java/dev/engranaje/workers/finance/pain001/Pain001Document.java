package dev.engranaje.workers.finance.pain001;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A pain.001 file as read back: what it declares and what it contains, with the declared counts
 * and sums compared to the contents. Values are as written in the file (dates as text, since bank
 * templates carry placeholders such as {@code YYYY-MM-DD}).
 *
 * @param namespace the document's namespace (ISO, SIX {@code .ch.02}, DK {@code .003.03}, …)
 * @param messageId GrpHdr/MsgId
 * @param creationDateTime GrpHdr/CreDtTm as written
 * @param declaredNumberOfTransactions GrpHdr/NbOfTxs, {@code null} when absent
 * @param declaredControlSum GrpHdr/CtrlSum, {@code null} when absent
 * @param initiatingParty GrpHdr/InitgPty/Nm, {@code null} when absent
 * @param batches the PmtInf blocks
 */
public record Pain001Document(
    String namespace,
    String messageId,
    String creationDateTime,
    Integer declaredNumberOfTransactions,
    BigDecimal declaredControlSum,
    String initiatingParty,
    List<Batch> batches) {

  /** All transactions of all batches, in file order. */
  public List<Transaction> transactions() {
    return batches.stream().flatMap(b -> b.transactions().stream()).toList();
  }

  /** The sum of all instructed amounts. */
  public BigDecimal totalAmount() {
    return transactions().stream().map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** "Expected …, but …" sentences where a declared NbOfTxs or CtrlSum disagrees with the contents. */
  public List<String> inconsistencies() {
    List<String> out = new ArrayList<>();
    if (declaredNumberOfTransactions != null && declaredNumberOfTransactions != transactions().size()) {
      out.add(COUNT.formatted("group header", declaredNumberOfTransactions, transactions().size()));
    }
    if (declaredControlSum != null && declaredControlSum.compareTo(totalAmount()) != 0) {
      out.add(SUM.formatted("group header", declaredControlSum.toPlainString(), totalAmount().toPlainString()));
    }
    for (Batch b : batches) {
      BigDecimal sum = b.transactions().stream().map(Transaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (b.declaredNumberOfTransactions() != null && b.declaredNumberOfTransactions() != b.transactions().size()) {
        out.add(COUNT.formatted("PmtInf '" + b.paymentInfoId() + "'", b.declaredNumberOfTransactions(), b.transactions().size()));
      }
      if (b.declaredControlSum() != null && b.declaredControlSum().compareTo(sum) != 0) {
        out.add(SUM.formatted("PmtInf '" + b.paymentInfoId() + "'", b.declaredControlSum().toPlainString(), sum.toPlainString()));
      }
    }
    return out;
  }

  static final String COUNT = "Expected the %s NbOfTxs %d to equal the number of transactions, but there are %d.";
  static final String SUM = "Expected the %s CtrlSum %s to equal the sum of the amounts, but they add up to %s.";

  /**
   * One PmtInf block.
   *
   * @param paymentInfoId PmtInfId
   * @param requestedExecutionDate ReqdExctnDt (or its Dt/DtTm) as written
   * @param declaredNumberOfTransactions NbOfTxs, {@code null} when absent
   * @param declaredControlSum CtrlSum, {@code null} when absent
   * @param debtorName Dbtr/Nm
   * @param debtorAccount DbtrAcct IBAN, or its other id (e.g. a US account number)
   * @param debtorBic DbtrAgt BIC/BICFI, {@code null} when none
   * @param transactions CdtTrfTxInf blocks
   */
  public record Batch(
      String paymentInfoId,
      String requestedExecutionDate,
      Integer declaredNumberOfTransactions,
      BigDecimal declaredControlSum,
      String debtorName,
      String debtorAccount,
      String debtorBic,
      List<Transaction> transactions) {}

  /**
   * One CdtTrfTxInf.
   *
   * @param endToEndId PmtId/EndToEndId
   * @param amount InstdAmt (or EqvtAmt/Amt)
   * @param currency its Ccy attribute
   * @param creditorName Cdtr/Nm
   * @param creditorAccount CdtrAcct IBAN, or its other id
   * @param creditorBic CdtrAgt BIC/BICFI, {@code null} when none
   * @param remittanceText RmtInf/Ustrd lines joined by a space, {@code null} when none
   * @param structuredReference RmtInf/Strd/CdtrRefInf/Ref, {@code null} when none
   */
  public record Transaction(
      String endToEndId,
      BigDecimal amount,
      String currency,
      String creditorName,
      String creditorAccount,
      String creditorBic,
      String remittanceText,
      String structuredReference) {}
}
