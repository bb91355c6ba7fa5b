package dev.engranaje.workers.finance.statement.camt;

import dev.engranaje.workers.finance.statement.Balance;
import dev.engranaje.workers.finance.statement.BankStatement;
import dev.engranaje.workers.finance.statement.Counterparty;
import dev.engranaje.workers.finance.statement.EntryIds;
import dev.engranaje.workers.finance.statement.EntryStatus;
import dev.engranaje.workers.finance.statement.StatementEntry;
import dev.engranaje.workers.finance.statement.StatementException;
import dev.engranaje.workers.finance.statement.StatementFile;
import dev.engranaje.workers.finance.statement.TransactionDetail;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stax.StAXSource;
import javax.xml.validation.Schema;
import org.xml.sax.SAXParseException;

/**
 * Reads ISO 20022 camt.052 (account report, {@code Rpt}), camt.053 (statement, {@code Stmt}) and
 * camt.054 (debit/credit notification, {@code Ntfctn}) of any version, streaming with StAX; the
 * {@code Document} may be the root or wrapped (e.g. next to a {@code head.001} business application
 * header).
 *
 * <p>Two passes over the file: the first validates the {@code Document} against the bundled
 * official XSD of its namespace (streaming, {@link StAXSource}); a namespace without a bundled XSD
 * (e.g. camt.053.001.03 or .07, camt.054.001.04) is read without schema validation, with the same
 * checks of every value the parser uses. The second pass builds the model. A DTD (and so every
 * entity) is refused before any of it is read.
 *
 * <p>Mapping: opening balance {@code OPBD} (else {@code PRCD}), closing {@code CLBD} (else {@code
 * ITBD} for a report); entry status {@code BOOK}/{@code PDNG}/{@code INFO} ({@code FUTR} counts as
 * pending), as text (up to .07) or {@code Sts/Cd} (.08); the counterparty of a credit is the debtor,
 * of a debit the creditor; remittance is the {@code Ustrd} lines and the structured {@code
 * CdtrRefInf/Ref} joined with a space, falling back to {@code AddtlNtryInf}; a batch entry (several
 * {@code TxDtls}) keeps each transaction in {@code details}. The end-to-end id {@code NOTPROVIDED}
 * counts as none.
 */
public final class CamtParser {
  static final String NOT_CAMT =
      "Expected an ISO 20022 camt.052, camt.053 or camt.054 Document (namespace %scamt.05x.001.nn), but found %s";
  static final String DOCTYPE = "Expected no DOCTYPE (DTDs and entities are refused), but the document declares one";
  static final String NOT_WELL_FORMED = "Expected well-formed XML, but %s";
  static final String SCHEMA_INVALID = "Expected the document to be valid against %s.xsd, but %s";
  static final String BAD_AMOUNT = "Expected an amount such as 1234.50, but got '%s'";
  static final String BAD_DATE = "Expected an ISO date such as 2026-11-27, but got '%s'";
  static final String BAD_INDICATOR = "Expected CdtDbtInd CRDT or DBIT, but got '%s'";
  static final String BAD_STATUS = "Expected an entry status BOOK, PDNG, INFO or FUTR, but got '%s'";
  static final String MISSING = "Expected %s, but it is missing";
  static final String NO_STATEMENT = "Expected at least one %s, but the document has none";

  private CamtParser() {}

  /** Validates and parses {@code file}; {@code source} names it in messages. */
  public static StatementFile parse(Path file, String source, String sha256) throws StatementException {
    XMLInputFactory factory = CamtSchemas.inputFactory();
    String message = validate(factory, file, source);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        toDocument(xml, source);
        List<BankStatement> statements = new Reading(xml, source, message).read();
        return new StatementFile(source, message, sha256, statements);
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new StatementException(source, position(e.getLocation()), String.format(NOT_WELL_FORMED, clean(e)), e);
    } catch (IOException e) {
      throw new StatementException(source, null, "Expected to read the file, but " + e.getMessage(), e);
    }
  }

  /** Pass 1: finds the Document and validates it where a schema is bundled; returns the message name. */
  private static String validate(XMLInputFactory factory, Path file, String source) throws StatementException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      try {
        String message = toDocument(xml, source);
        Optional<Schema> schema = CamtSchemas.schema(message);
        if (schema.isPresent()) {
          try {
            CamtSchemas.validator(schema.get()).validate(new StAXSource(xml));
          } catch (org.xml.sax.SAXException | RuntimeException e) {
            SAXParseException parse = parseFailure(e);
            XMLStreamException stax = parse == null ? streamFailure(e) : null;
            if (stax != null) {
              throw new StatementException(source, position(stax.getLocation()),
                  String.format(NOT_WELL_FORMED, clean(stax)), e);
            }
            if (parse == null && e instanceof RuntimeException runtime) {
              throw runtime;
            }
            String at = parse != null ? "line " + parse.getLineNumber() + ", column " + parse.getColumnNumber()
                : position(xml.getLocation());
            throw new StatementException(source, at,
                String.format(SCHEMA_INVALID, message, (parse != null ? parse : e).getMessage()), e);
          }
        }
        return message;
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new StatementException(source, position(e.getLocation()), String.format(NOT_WELL_FORMED, clean(e)), e);
    } catch (IOException e) {
      if (e.getCause() instanceof XMLStreamException stax) {
        throw new StatementException(source, position(stax.getLocation()), String.format(NOT_WELL_FORMED, clean(stax)), e);
      }
      throw new StatementException(source, null, "Expected to read the file, but " + e.getMessage(), e);
    }
  }

  /** Advances to the start of the camt Document element; returns its message name. */
  private static String toDocument(XMLStreamReader xml, String source) throws XMLStreamException, StatementException {
    int depth = 0;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        throw new StatementException(source, position(xml.getLocation()), DOCTYPE);
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        String message = CamtSchemas.messageOf(xml.getNamespaceURI());
        if (message != null && xml.getLocalName().equals("Document")) {
          return message;
        }
        if (xml.getLocalName().equals("Document") || ++depth > 3 || xml.getNamespaceURI() != null && !xml.getNamespaceURI().isEmpty()
            && !xml.getNamespaceURI().startsWith(CamtSchemas.NAMESPACE_PREFIX + "head.")) {
          throw new StatementException(source, position(xml.getLocation()), String.format(NOT_CAMT,
              CamtSchemas.NAMESPACE_PREFIX, "element '" + xml.getLocalName() + "' in namespace '"
                  + (xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI()) + "'"));
        }
        if (xml.getLocalName().equals("AppHdr")) {
          skipElement(xml);
          depth--;
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    throw new StatementException(source, position(xml.getLocation()),
        String.format(NOT_CAMT, CamtSchemas.NAMESPACE_PREFIX, "no such Document"));
  }

  private static void skipElement(XMLStreamReader xml) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static SAXParseException parseFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SAXParseException parse) {
        return parse;
      }
      if (cause instanceof javax.xml.transform.TransformerException transform && transform.getException() != null
          && transform.getException() != cause.getCause()) {
        SAXParseException nested = parseFailure(transform.getException());
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  private static XMLStreamException streamFailure(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof XMLStreamException stax && stax.getLocation() != null) {
        return stax;
      }
      if (cause instanceof javax.xml.transform.TransformerException transform && transform.getException() != null
          && transform.getException() != cause.getCause()) {
        XMLStreamException nested = streamFailure(transform.getException());
        if (nested != null) {
          return nested;
        }
      }
    }
    return null;
  }

  static String position(Location location) {
    return location == null ? null : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }

  private static String clean(XMLStreamException e) {
    String text = e.getMessage() == null ? e.toString() : e.getMessage();
    int marker = text.indexOf("Message: ");
    return marker >= 0 ? text.substring(marker + "Message: ".length()).trim() : text.trim();
  }

  /** Pass 2: one walk of the Document, collecting statements. */
  private static final class Reading {
    private final XMLStreamReader xml;
    private final String source;
    private final String message;
    private final EntryIds ids = new EntryIds();
    private final List<BankStatement> statements = new ArrayList<>();
    private final StringBuilder path = new StringBuilder();
    private final StringBuilder text = new StringBuilder();
    private final List<Integer> marks = new ArrayList<>();
    private int statementStart = -1;
    private int entryStart = -1;
    private int detailStart = -1;
    private int balanceStart = -1;
    private int statementCount;
    private int entryCount;
    private String attributeCurrency;
    private Statement statement;
    private Entry entry;
    private Detail detail;
    private Bal balance;
    private String groupCreated;

    Reading(XMLStreamReader xml, String source, String message) {
      this.xml = xml;
      this.source = source;
      this.message = message;
    }

    private String containerName() {
      return switch (message.substring(0, 8)) {
        case "camt.052" -> "Rpt";
        case "camt.054" -> "Ntfctn";
        default -> "Stmt";
      };
    }

    List<BankStatement> read() throws XMLStreamException, StatementException {
      String container = containerName();
      int depth = 1;
      path.append("/Document");
      while (depth > 0) {
        int event = xml.next();
        switch (event) {
          case XMLStreamConstants.START_ELEMENT -> {
            depth++;
            marks.add(path.length());
            String name = xml.getLocalName();
            path.append('/').append(name);
            text.setLength(0);
            attributeCurrency = xml.getAttributeValue(null, "Ccy");
            start(name, container);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
          case XMLStreamConstants.END_ELEMENT -> {
            depth--;
            if (depth > 0) {
              end(xml.getLocalName(), container);
              path.setLength(marks.remove(marks.size() - 1));
            }
            text.setLength(0);
          }
          default -> { }
        }
      }
      if (statements.isEmpty()) {
        throw new StatementException(source, "/Document", String.format(NO_STATEMENT, container));
      }
      return statements;
    }

    private void start(String name, String container) {
      int level = marks.get(marks.size() - 1);
      if (statement == null && name.equals(container) && path.length() - name.length() - 1 == level
          && path.toString().split("/").length == 4) {
        statementCount++;
        entryCount = 0;
        statement = new Statement();
        statementStart = path.length();
      } else if (statement != null && entry == null && name.equals("Ntry") && level == statementStart) {
        entryCount++;
        entry = new Entry();
        entryStart = path.length();
      } else if (entry != null && detail == null && name.equals("TxDtls") && rel(entryStart).equals("/NtryDtls/TxDtls")) {
        detail = new Detail();
        detailStart = path.length();
      } else if (statement != null && entry == null && name.equals("Bal") && level == statementStart) {
        balance = new Bal();
        balanceStart = path.length();
      }
    }

    private String rel(int from) {
      return path.substring(from);
    }

    private void end(String name, String container) throws StatementException {
      String value = text.toString().trim();
      if (detail != null) {
        if (path.length() == detailStart) {
          entry.details.add(detail);
          detail = null;
        } else {
          detail(rel(detailStart), value);
        }
      } else if (entry != null) {
        if (path.length() == entryStart) {
          statement.entries.add(entry.build(this));
          entry = null;
        } else {
          entry(rel(entryStart), value);
        }
      } else if (balance != null) {
        if (path.length() == balanceStart) {
          statement.balance(balance);
          balance = null;
        } else {
          balance(rel(balanceStart), value);
        }
      } else if (statement != null) {
        if (path.length() == statementStart) {
          statements.add(statement.build(this));
          statement = null;
        } else {
          statement(rel(statementStart), value);
        }
      } else if (name.equals("CreDtTm") && path.toString().endsWith("/GrpHdr/CreDtTm")) {
        groupCreated = value;
      }
    }

    private void statement(String at, String value) {
      switch (at) {
        case "/Id" -> statement.id = value;
        case "/ElctrncSeqNb" -> statement.electronicSequence = value;
        case "/LglSeqNb" -> statement.legalSequence = value;
        case "/CreDtTm" -> statement.created = value;
        case "/Acct/Id/IBAN" -> statement.iban = value;
        case "/Acct/Id/Othr/Id" -> statement.otherId = value;
        case "/Acct/Ccy" -> statement.currency = value;
        default -> { }
      }
    }

    private void balance(String at, String value) throws StatementException {
      switch (at) {
        case "/Tp/CdOrPrtry/Cd" -> balance.type = value;
        case "/Amt" -> {
          balance.amount = amount(value);
          balance.currency = attributeCurrency;
        }
        case "/CdtDbtInd" -> balance.debit = debit(value);
        case "/Dt/Dt", "/Dt/DtTm" -> balance.date = date(value);
        default -> { }
      }
    }

    private void entry(String at, String value) throws StatementException {
      switch (at) {
        case "/Amt" -> {
          entry.amount = amount(value);
          entry.currency = attributeCurrency;
        }
        case "/CdtDbtInd" -> entry.debit = debit(value);
        case "/Sts", "/Sts/Cd" -> {
          if (!value.isEmpty()) {
            entry.status = status(value);
          }
        }
        case "/BookgDt/Dt", "/BookgDt/DtTm" -> entry.booking = date(value);
        case "/ValDt/Dt", "/ValDt/DtTm" -> entry.value = date(value);
        case "/AcctSvcrRef" -> entry.reference = value;
        case "/BkTxCd/Domn/Cd" -> entry.domain = value;
        case "/BkTxCd/Domn/Fmly/Cd" -> entry.family = value;
        case "/BkTxCd/Domn/Fmly/SubFmlyCd" -> entry.subFamily = value;
        case "/BkTxCd/Prtry/Cd" -> entry.proprietary = value;
        case "/AddtlNtryInf" -> entry.additional = value;
        default -> { }
      }
    }

    private void detail(String at, String value) throws StatementException {
      switch (at) {
        case "/Refs/EndToEndId" -> detail.endToEnd = value.equalsIgnoreCase("NOTPROVIDED") ? null : value;
        case "/Refs/AcctSvcrRef" -> detail.reference = value;
        case "/Refs/TxId" -> detail.transactionId = value;
        case "/Amt", "/AmtDtls/TxAmt/Amt" -> detail.amount = amount(value);
        case "/CdtDbtInd" -> detail.debit = debit(value);
        case "/RltdPties/Dbtr/Nm", "/RltdPties/Dbtr/Pty/Nm" -> detail.debtorName = value;
        case "/RltdPties/DbtrAcct/Id/IBAN" -> detail.debtorIban = value;
        case "/RltdPties/Cdtr/Nm", "/RltdPties/Cdtr/Pty/Nm" -> detail.creditorName = value;
        case "/RltdPties/CdtrAcct/Id/IBAN" -> detail.creditorIban = value;
        case "/RltdAgts/DbtrAgt/FinInstnId/BIC", "/RltdAgts/DbtrAgt/FinInstnId/BICFI" -> detail.debtorBic = value;
        case "/RltdAgts/CdtrAgt/FinInstnId/BIC", "/RltdAgts/CdtrAgt/FinInstnId/BICFI" -> detail.creditorBic = value;
        case "/RmtInf/Ustrd" -> detail.remittance.add(value);
        case "/RmtInf/Strd/CdtrRefInf/Ref" -> detail.structured.add(value);
        default -> { }
      }
    }

    String where() {
      Location at = xml.getLocation();
      return position(at) + " (" + indexedPath() + ")";
    }

    private String indexedPath() {
      String plain = path.toString();
      if (statementStart < 0 || statement == null) {
        return plain;
      }
      String container = plain.substring(0, statementStart) + "[" + statementCount + "]";
      if (entry == null) {
        return container + plain.substring(statementStart);
      }
      return container + plain.substring(statementStart, entryStart) + "[" + entryCount + "]" + plain.substring(entryStart);
    }

    private BigDecimal amount(String value) throws StatementException {
      try {
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() < 0) {
          throw new NumberFormatException("negative");
        }
        return amount;
      } catch (NumberFormatException e) {
        throw new StatementException(source, where(), String.format(BAD_AMOUNT, value));
      }
    }

    private LocalDate date(String value) throws StatementException {
      try {
        return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
      } catch (DateTimeParseException e) {
        throw new StatementException(source, where(), String.format(BAD_DATE, value));
      }
    }

    private boolean debit(String value) throws StatementException {
      return switch (value) {
        case "DBIT" -> true;
        case "CRDT" -> false;
        default -> throw new StatementException(source, where(), String.format(BAD_INDICATOR, value));
      };
    }

    private EntryStatus status(String value) throws StatementException {
      return switch (value) {
        case "BOOK" -> EntryStatus.BOOKED;
        case "PDNG", "FUTR" -> EntryStatus.PENDING;
        case "INFO" -> EntryStatus.INFO;
        default -> throw new StatementException(source, where(), String.format(BAD_STATUS, value));
      };
    }

    private StatementException missing(String what) {
      return new StatementException(source, where(), String.format(MISSING, what));
    }
  }

  private static final class Statement {
    String id;
    String electronicSequence;
    String legalSequence;
    String created;
    String iban;
    String otherId;
    String currency;
    Bal opening;
    Bal previousClosing;
    Bal closing;
    Bal interim;
    String firstCurrency;
    final List<StatementEntry> entries = new ArrayList<>();

    void balance(Bal balance) {
      if (firstCurrency == null) {
        firstCurrency = balance.currency;
      }
      if (balance.type == null) {
        return;
      }
      switch (balance.type) {
        case "OPBD" -> opening = balance;
        case "PRCD" -> previousClosing = balance;
        case "CLBD" -> closing = balance;
        case "ITBD" -> interim = balance;
        default -> { }
      }
    }

    BankStatement build(Reading reading) throws StatementException {
      if (id == null || id.isEmpty()) {
        throw reading.missing(reading.containerName() + "/Id");
      }
      String account = iban != null ? iban : otherId;
      if (account == null) {
        throw reading.missing(reading.containerName() + "/Acct/Id");
      }
      String ccy = currency != null ? currency : firstCurrency != null ? firstCurrency
          : entries.isEmpty() ? null : entries.get(0).currency();
      Bal open = opening != null ? opening : previousClosing;
      Bal close = closing != null ? closing : interim;
      LocalDate createdOn = created != null && created.length() >= 10 ? LocalDate.parse(created.substring(0, 10))
          : reading.groupCreated != null && reading.groupCreated.length() >= 10
              ? LocalDate.parse(reading.groupCreated.substring(0, 10)) : null;
      return new BankStatement(id, electronicSequence != null ? electronicSequence : legalSequence, iban, account, ccy,
          open == null ? null : open.toBalance(), close == null ? null : close.toBalance(), createdOn, entries);
    }
  }

  private static final class Bal {
    String type;
    BigDecimal amount;
    String currency;
    boolean debit;
    LocalDate date;

    Balance toBalance() {
      return new Balance(debit ? amount.negate() : amount, date);
    }
  }

  private static final class Entry {
    BigDecimal amount;
    String currency;
    Boolean debit;
    EntryStatus status = EntryStatus.BOOKED;
    LocalDate booking;
    LocalDate value;
    String reference;
    String domain;
    String family;
    String subFamily;
    String proprietary;
    String additional;
    final List<Detail> details = new ArrayList<>();

    StatementEntry build(Reading reading) throws StatementException {
      if (amount == null) {
        throw reading.missing("Ntry/Amt");
      }
      if (debit == null) {
        throw reading.missing("Ntry/CdtDbtInd");
      }
      BigDecimal signed = debit ? amount.negate() : amount;
      String code = domain != null
          ? String.join("/", domain, family == null ? "" : family, subFamily == null ? "" : subFamily)
          : proprietary;
      List<TransactionDetail> batch = new ArrayList<>();
      String endToEnd = null;
      Counterparty party = Counterparty.UNKNOWN;
      String remittance = null;
      if (details.size() == 1) {
        Detail only = details.get(0);
        endToEnd = only.endToEnd;
        party = only.counterparty(debit);
        remittance = only.remittance();
      } else {
        for (Detail each : details) {
          boolean detailDebit = each.debit != null ? each.debit : debit;
          batch.add(new TransactionDetail(each.amount == null ? null : detailDebit ? each.amount.negate() : each.amount,
              each.endToEnd, each.reference != null ? each.reference : each.transactionId,
              each.counterparty(detailDebit), each.remittance()));
        }
      }
      if (remittance == null) {
        remittance = additional == null || additional.isEmpty() ? null : additional;
      }
      String statementId = reading.statement.id != null ? reading.statement.id : "statement-" + reading.statementCount;
      String entryId = reading.ids.next(reference, statementId, reading.entryCount);
      return new StatementEntry(entryId, reference, booking != null ? booking : value, value, signed,
          currency, status, endToEnd, party, remittance, code, batch);
    }
  }

  private static final class Detail {
    String endToEnd;
    String reference;
    String transactionId;
    BigDecimal amount;
    Boolean debit;
    String debtorName;
    String debtorIban;
    String debtorBic;
    String creditorName;
    String creditorIban;
    String creditorBic;
    final List<String> remittance = new ArrayList<>(2);
    final List<String> structured = new ArrayList<>(1);

    Counterparty counterparty(boolean entryDebit) {
      Counterparty party = entryDebit ? new Counterparty(creditorName, creditorIban, creditorBic)
          : new Counterparty(debtorName, debtorIban, debtorBic);
      return party.name() == null && party.iban() == null && party.bic() == null ? Counterparty.UNKNOWN : party;
    }

    String remittance() {
      List<String> parts = new ArrayList<>(remittance);
      parts.addAll(structured);
      parts.removeIf(String::isEmpty);
      return parts.isEmpty() ? null : String.join(" ", parts);
    }
  }
}
