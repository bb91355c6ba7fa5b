package dev.engranaje.workers.finance.reconcile.synthetic;

import dev.engranaje.workers.finance.statement.Counterparty;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.TransactionDetail;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes entries as one ISO 20022 camt.053.001.02 statement (valid against the official XSD): each
 * entry with its {@code AcctSvcrRef} (the entry id), status, dates, bank transaction code and one
 * {@code TxDtls} per transaction (a batch has several, each with {@code AmtDtls/TxAmt}), carrying the
 * end-to-end id, the related party (debtor of a credit, creditor of a debit) and the remittance text.
 * Opening balance zero, closing balance the sum, so the balance check holds. Streams with StAX, so a
 * statement of 100,000 entries needs no more memory than the entries themselves.
 */
public final class Camt053Writer {
  static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

  private Camt053Writer() {}

  /** Writes {@code entries} of {@code account} in {@code currency} to {@code file}. */
  public static void write(Path file, String account, String currency, List<StatementEntry> entries)
      throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      write(xml, account, currency, entries);
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException("Expected to write the camt.053 statement " + file + ", but " + e.getMessage(), e);
    }
  }

  private static void write(XMLStreamWriter xml, String account, String currency, List<StatementEntry> entries)
      throws XMLStreamException {
    LocalDate first = entries.stream().map(StatementEntry::bookingDate).min(LocalDate::compareTo)
        .orElse(SyntheticReconciliation.START);
    LocalDate last = entries.stream().map(StatementEntry::bookingDate).max(LocalDate::compareTo).orElse(first);
    BigDecimal total = entries.stream().map(StatementEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("Document");
    xml.writeDefaultNamespace(NAMESPACE);
    xml.writeStartElement("BkToCstmrStmt");
    xml.writeStartElement("GrpHdr");
    text(xml, "MsgId", "SYNTH-" + last);
    text(xml, "CreDtTm", last + "T18:00:00");
    xml.writeEndElement();
    xml.writeStartElement("Stmt");
    text(xml, "Id", "SYNTH-STMT-" + last);
    text(xml, "ElctrncSeqNb", "1");
    text(xml, "CreDtTm", last + "T18:00:00");
    xml.writeStartElement("Acct");
    xml.writeStartElement("Id");
    text(xml, "IBAN", account);
    xml.writeEndElement();
    text(xml, "Ccy", currency);
    xml.writeEndElement();
    balance(xml, "OPBD", BigDecimal.ZERO.setScale(2), currency, first.minusDays(1));
    balance(xml, "CLBD", total, currency, last);
    for (StatementEntry entry : entries) {
      entry(xml, entry);
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
  }

  private static void balance(XMLStreamWriter xml, String type, BigDecimal amount, String currency, LocalDate date)
      throws XMLStreamException {
    xml.writeStartElement("Bal");
    xml.writeStartElement("Tp");
    xml.writeStartElement("CdOrPrtry");
    text(xml, "Cd", type);
    xml.writeEndElement();
    xml.writeEndElement();
    amount(xml, "Amt", amount.abs(), currency);
    text(xml, "CdtDbtInd", amount.signum() < 0 ? "DBIT" : "CRDT");
    xml.writeStartElement("Dt");
    text(xml, "Dt", date.toString());
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static void entry(XMLStreamWriter xml, StatementEntry entry) throws XMLStreamException {
    boolean debit = entry.amount().signum() < 0;
    xml.writeStartElement("Ntry");
    amount(xml, "Amt", entry.amount().abs(), entry.currency());
    text(xml, "CdtDbtInd", debit ? "DBIT" : "CRDT");
    text(xml, "Sts", "BOOK");
    date(xml, "BookgDt", entry.bookingDate());
    date(xml, "ValDt", entry.valueDate() == null ? entry.bookingDate() : entry.valueDate());
    text(xml, "AcctSvcrRef", entry.entryId());
    String[] code = (entry.bankTransactionCode() == null ? "PMNT-RCDT-ESCT" : entry.bankTransactionCode()).split("-");
    xml.writeStartElement("BkTxCd");
    xml.writeStartElement("Domn");
    text(xml, "Cd", code[0]);
    xml.writeStartElement("Fmly");
    text(xml, "Cd", code[1]);
    text(xml, "SubFmlyCd", code[2]);
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeStartElement("NtryDtls");
    if (entry.details().isEmpty()) {
      transaction(xml, null, entry.endToEndId(), entry.counterparty(), entry.remittanceInformation(), debit,
          entry.currency());
    } else {
      for (TransactionDetail detail : entry.details()) {
        transaction(xml, detail.amount(), detail.endToEndId(), detail.counterparty(),
            detail.remittanceInformation(), debit, entry.currency());
      }
    }
    xml.writeEndElement();
    if (!entry.details().isEmpty() && entry.remittanceInformation() != null) {
      text(xml, "AddtlNtryInf", entry.remittanceInformation());
    }
    xml.writeEndElement();
  }

  private static void transaction(XMLStreamWriter xml, BigDecimal amount, String endToEnd, Counterparty party,
      String remittance, boolean debit, String currency) throws XMLStreamException {
    xml.writeStartElement("TxDtls");
    xml.writeStartElement("Refs");
    text(xml, "EndToEndId", endToEnd == null ? "NOTPROVIDED" : endToEnd);
    xml.writeEndElement();
    if (amount != null) {
      xml.writeStartElement("AmtDtls");
      xml.writeStartElement("TxAmt");
      amount(xml, "Amt", amount.abs(), currency);
      xml.writeEndElement();
      xml.writeEndElement();
    }
    if (party != null && (party.name() != null || party.iban() != null)) {
      xml.writeStartElement("RltdPties");
      String role = debit ? "Cdtr" : "Dbtr";
      if (party.name() != null) {
        xml.writeStartElement(role);
        text(xml, "Nm", party.name());
        xml.writeEndElement();
      }
      if (party.iban() != null) {
        xml.writeStartElement(role + "Acct");
        xml.writeStartElement("Id");
        text(xml, "IBAN", party.iban());
        xml.writeEndElement();
        xml.writeEndElement();
      }
      xml.writeEndElement();
    }
    if (remittance != null) {
      xml.writeStartElement("RmtInf");
      text(xml, "Ustrd", remittance.length() > 140 ? remittance.substring(0, 140) : remittance);
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private static void date(XMLStreamWriter xml, String name, LocalDate date) throws XMLStreamException {
    xml.writeStartElement(name);
    text(xml, "Dt", date.toString());
    xml.writeEndElement();
  }

  private static void amount(XMLStreamWriter xml, String name, BigDecimal amount, String currency)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeAttribute("Ccy", currency);
    xml.writeCharacters(amount.setScale(2).toPlainString());
    xml.writeEndElement();
  }

  private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }
}
