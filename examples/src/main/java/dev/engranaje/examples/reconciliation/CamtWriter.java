package dev.engranaje.examples.reconciliation;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes a {@link SampleData} month as one ISO 20022 camt.053.001.02 statement (UTF-8, two-space indent). */
public final class CamtWriter {
  static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

  private final XMLStreamWriter xml;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private int depth;

  private CamtWriter() throws XMLStreamException {
    xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
  }

  /**
   * The statement file.
   *
   * @param statementId the bank's statement id (also the message id's stem)
   * @param sequence the electronic sequence number
   * @param closingOverride a closing balance to write instead of the true one (to make a broken file), or null
   */
  public static byte[] write(SampleData data, String statementId, int sequence, BigDecimal closingOverride) {
    try {
      CamtWriter writer = new CamtWriter();
      writer.document(data, statementId, sequence, closingOverride == null ? data.closingBalance() : closingOverride);
      return writer.out.toByteArray();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Expected to write the camt.053 statement " + statementId + ", but " + e.getMessage(), e);
    }
  }

  private void document(SampleData data, String statementId, int sequence, BigDecimal closing) throws XMLStreamException {
    String created = data.lastDay().plusDays(1) + "T06:05:00";
    xml.writeStartDocument("UTF-8", "1.0");
    newline();
    xml.writeStartElement("Document");
    xml.writeDefaultNamespace(NAMESPACE);
    depth++;
    open("BkToCstmrStmt");
    open("GrpHdr");
    leaf("MsgId", "MSG-" + statementId);
    leaf("CreDtTm", created);
    close();
    open("Stmt");
    leaf("Id", statementId);
    leaf("ElctrncSeqNb", Integer.toString(sequence));
    leaf("CreDtTm", created);
    open("FrToDt");
    leaf("FrDtTm", data.firstDay() + "T00:00:00");
    leaf("ToDtTm", data.lastDay() + "T23:59:59");
    close();
    open("Acct");
    open("Id");
    leaf("IBAN", SampleData.ACCOUNT_IBAN);
    close();
    leaf("Ccy", SampleData.CURRENCY);
    open("Ownr");
    leaf("Nm", SampleData.ACCOUNT_HOLDER);
    close();
    open("Svcr");
    open("FinInstnId");
    leaf("BIC", SampleData.ACCOUNT_BIC);
    close();
    close();
    close();
    balance("OPBD", data.openingBalance(), data.firstDay().minusDays(1));
    balance("CLBD", closing, data.lastDay());
    summary(data);
    for (BankEntry entry : data.entries()) {
      entry(entry);
    }
    close();
    close();
    depth--;
    newline();
    xml.writeEndElement();
    newline();
    xml.writeEndDocument();
    xml.close();
  }

  private void summary(SampleData data) throws XMLStreamException {
    BigDecimal credits = data.entries().stream().filter(BankEntry::credit).map(BankEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal debits = data.entries().stream().filter(e -> !e.credit()).map(BankEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal net = credits.subtract(debits);
    open("TxsSummry");
    open("TtlNtries");
    leaf("NbOfNtries", Integer.toString(data.entries().size()));
    leaf("Sum", credits.add(debits).toPlainString());
    leaf("TtlNetNtryAmt", net.abs().toPlainString());
    leaf("CdtDbtInd", net.signum() < 0 ? "DBIT" : "CRDT");
    close();
    open("TtlCdtNtries");
    leaf("NbOfNtries", Long.toString(data.entries().stream().filter(BankEntry::credit).count()));
    leaf("Sum", credits.toPlainString());
    close();
    open("TtlDbtNtries");
    leaf("NbOfNtries", Long.toString(data.entries().stream().filter(e -> !e.credit()).count()));
    leaf("Sum", debits.toPlainString());
    close();
    close();
  }

  private void balance(String code, BigDecimal amount, LocalDate date) throws XMLStreamException {
    open("Bal");
    open("Tp");
    open("CdOrPrtry");
    leaf("Cd", code);
    close();
    close();
    amount(amount.abs());
    leaf("CdtDbtInd", amount.signum() < 0 ? "DBIT" : "CRDT");
    open("Dt");
    leaf("Dt", date.toString());
    close();
    close();
  }

  private void entry(BankEntry entry) throws XMLStreamException {
    open("Ntry");
    amount(entry.amount());
    leaf("CdtDbtInd", entry.credit() ? "CRDT" : "DBIT");
    leaf("Sts", "BOOK");
    open("BookgDt");
    leaf("Dt", entry.bookingDate().toString());
    close();
    open("ValDt");
    leaf("Dt", entry.valueDate().toString());
    close();
    leaf("AcctSvcrRef", entry.bankRef());
    open("BkTxCd");
    open("Domn");
    leaf("Cd", entry.kind().domain);
    open("Fmly");
    leaf("Cd", entry.kind().family);
    leaf("SubFmlyCd", entry.kind().subFamily);
    close();
    close();
    open("Prtry");
    leaf("Cd", entry.kind().swiftCode + "+" + entry.kind().gvc);
    leaf("Issr", "DK");
    close();
    close();
    if (entry.counterpartyName() != null) {
      details(entry);
    } else {
      leaf("AddtlNtryInf", entry.kind().bookingText + " " + entry.remittance());
    }
    close();
  }

  private void details(BankEntry entry) throws XMLStreamException {
    open("NtryDtls");
    open("TxDtls");
    open("Refs");
    leaf("AcctSvcrRef", entry.bankRef());
    leaf("EndToEndId", entry.endToEndId() == null ? "NOTPROVIDED" : entry.endToEndId());
    close();
    open("RltdPties");
    open(entry.credit() ? "Dbtr" : "Cdtr");
    leaf("Nm", entry.counterpartyName());
    close();
    open(entry.credit() ? "DbtrAcct" : "CdtrAcct");
    open("Id");
    leaf("IBAN", entry.counterpartyIban());
    close();
    close();
    close();
    open("RltdAgts");
    open(entry.credit() ? "DbtrAgt" : "CdtrAgt");
    open("FinInstnId");
    leaf("BIC", entry.counterpartyBic());
    close();
    close();
    close();
    if (entry.creditorReference() != null || !entry.remittance().isEmpty()) {
      open("RmtInf");
      if (!entry.remittance().isEmpty()) {
        leaf("Ustrd", entry.remittance());
      }
      if (entry.creditorReference() != null) {
        open("Strd");
        open("CdtrRefInf");
        open("Tp");
        open("CdOrPrtry");
        leaf("Cd", "SCOR");
        close();
        close();
        leaf("Ref", entry.creditorReference());
        close();
        close();
      }
      close();
    }
    close();
    close();
  }

  private void amount(BigDecimal amount) throws XMLStreamException {
    indent();
    xml.writeStartElement("Amt");
    xml.writeAttribute("Ccy", SampleData.CURRENCY);
    xml.writeCharacters(amount.toPlainString());
    xml.writeEndElement();
  }

  private void open(String name) throws XMLStreamException {
    indent();
    xml.writeStartElement(name);
    depth++;
  }

  private void close() throws XMLStreamException {
    depth--;
    indent();
    xml.writeEndElement();
  }

  private void leaf(String name, String text) throws XMLStreamException {
    indent();
    xml.writeStartElement(name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }

  private void indent() throws XMLStreamException {
    newline();
    xml.writeCharacters("  ".repeat(depth));
  }

  private void newline() throws XMLStreamException {
    xml.writeCharacters("\n");
  }
}
