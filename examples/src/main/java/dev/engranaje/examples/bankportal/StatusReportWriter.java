package dev.engranaje.examples.bankportal;

import dev.engranaje.workers.finance.pain001.Pain001Document;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the bank's pain.002 answer to an accepted pain.001: every transaction to an account on the
 * closed-accounts list is rejected with reason code AC04, every other one accepted; payment and group
 * status follow (ACCP, PART or RJCT). A pain.001.001.03 is answered with a pain.002.001.03, a
 * pain.001.001.09 with a pain.002.001.10, as banks pair them.
 */
final class StatusReportWriter {
  static final String CLOSED_ACCOUNT_TEXT = "Account closed: the creditor account is closed at the beneficiary bank";

  private final Set<String> closedAccounts;

  StatusReportWriter(Set<String> closedAccounts) {
    this.closedAccounts = closedAccounts;
  }

  /** True when the bank rejects a transfer to this account (compact, upper-case IBAN). */
  boolean rejects(Pain001Document.Transaction transaction) {
    return transaction.creditorAccount() != null && closedAccounts.contains(compact(transaction.creditorAccount()));
  }

  byte[] write(Pain001Document file, String reportId, Instant created) {
    boolean v03 = file.namespace().endsWith("pain.001.001.03");
    String namespace = "urn:iso:std:iso:20022:tech:xsd:" + (v03 ? "pain.002.001.03" : "pain.002.001.10");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("Document");
      xml.writeDefaultNamespace(namespace);
      xml.writeStartElement("CstmrPmtStsRpt");
      xml.writeStartElement("GrpHdr");
      text(xml, "MsgId", reportId);
      text(xml, "CreDtTm", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(created.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
      xml.writeStartElement("DbtrAgt");
      xml.writeStartElement("FinInstnId");
      text(xml, v03 ? "BIC" : "BICFI", "DEMODEFFXXX");
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndElement();
      long rejectedAll = file.transactions().stream().filter(this::rejects).count();
      xml.writeStartElement("OrgnlGrpInfAndSts");
      text(xml, "OrgnlMsgId", file.messageId());
      text(xml, "OrgnlMsgNmId", v03 ? "pain.001.001.03" : "pain.001.001.09");
      text(xml, "OrgnlNbOfTxs", String.valueOf(file.transactions().size()));
      text(xml, "OrgnlCtrlSum", file.totalAmount().toPlainString());
      text(xml, "GrpSts", status(rejectedAll, file.transactions().size()));
      xml.writeEndElement();
      for (Pain001Document.Batch batch : file.batches()) {
        long rejected = batch.transactions().stream().filter(this::rejects).count();
        xml.writeStartElement("OrgnlPmtInfAndSts");
        text(xml, "OrgnlPmtInfId", batch.paymentInfoId());
        text(xml, "PmtInfSts", status(rejected, batch.transactions().size()));
        for (Pain001Document.Transaction transaction : batch.transactions()) {
          boolean refused = rejects(transaction);
          xml.writeStartElement("TxInfAndSts");
          text(xml, "OrgnlEndToEndId", transaction.endToEndId());
          text(xml, "TxSts", refused ? "RJCT" : "ACCP");
          if (refused) {
            xml.writeStartElement("StsRsnInf");
            xml.writeStartElement("Rsn");
            text(xml, "Cd", "AC04");
            xml.writeEndElement();
            text(xml, "AddtlInf", CLOSED_ACCOUNT_TEXT);
            xml.writeEndElement();
          }
          xml.writeEndElement();
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Expected to write the status report " + reportId + ", but " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static String status(long rejected, int all) {
    return rejected == 0 ? "ACCP" : rejected == all ? "RJCT" : "PART";
  }

  private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value == null ? "" : value);
    xml.writeEndElement();
  }

  static String compact(String iban) {
    return iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
  }
}
