package dev.engranaje.workers.finance.pain001;

import dev.engranaje.workers.finance.iban.AccountCheck;
import dev.engranaje.workers.finance.iban.BankAccounts;
import dev.engranaje.workers.finance.pain001.SepaCharacters.Replacement;
import dev.engranaje.workers.finance.securexml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Writes a {@link PaymentRun} as a pain.001 credit transfer file. Payments are grouped into one
 * PmtInf per execution date and debtor account; NbOfTxs and CtrlSum are written at group and batch
 * level; text is fitted to the SEPA character set and every change reported. The run is checked
 * first (ids, IBANs, BICs, amounts); the XML is then validated against the official XSD and only a
 * valid file is moved into place, atomically, so an invalid file is never seen as final.
 * Thread-safe.
 */
public final class Pain001Writer {
  static final String NO_PAYMENTS = "Expected at least one payment in run '%s', but it has none.";
  static final String BAD_ID =
      "Expected %s '%s' to have 1 to 35 SEPA characters, not to start with '/' and not to contain '//', but it does not.";
  static final String DUPLICATE_ID = "Expected end-to-end id '%s' to be unique in the run, but it is used %d times.";
  static final String BAD_ACCOUNT = "Expected payment '%s' %s to be valid, but: %s";
  static final String BAD_AMOUNT =
      "Expected payment '%s' to have a positive amount with at most 2 decimals, but it is '%s'.";
  static final String BAD_CURRENCY = "Expected payment '%s' to have an ISO 4217 currency code, but it is '%s'.";
  static final String RUN_MISSING = "Expected run '%s' to have %s, but it is missing.";
  static final String MISSING = "Expected payment '%s' to have %s, but it is missing.";
  static final String TOO_LONG = "Expected payment '%s' %s to have at most %d characters, but it has %d.";
  static final String SCHEMA_INVALID =
      "Expected the %s file for run '%s' to be valid against the official schema, but at %s: %s The file was not written.";

  private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");
  private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

  private final Pain001Version version;

  /** A writer of the version. */
  public Pain001Writer(Pain001Version version) {
    this.version = version;
  }

  /**
   * Checks, writes, validates and releases the file.
   *
   * @param run the payments
   * @param target the file to create or replace; untouched when anything fails
   * @return what was written
   * @throws Pain001Exception listing every problem of the run, or the schema violation
   */
  public Pain001File write(PaymentRun run, Path target) {
    List<Replacement> replacements = new ArrayList<>();
    Map<BatchKey, List<CreditTransfer>> batches = check(run, replacements);
    List<Pain001File.Batch> summary = new ArrayList<>();
    byte[] xml = render(run, batches, replacements, summary);
    validate(run, xml);
    release(xml, target);
    BigDecimal total = summary.stream().map(Pain001File.Batch::controlSum).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Pain001File(target, version, run.messageId(), run.payments().size(), total, summary, replacements);
  }

  /** The XML the run becomes, validated but not written anywhere (for previews and tests). */
  public byte[] render(PaymentRun run) {
    List<Replacement> replacements = new ArrayList<>();
    byte[] xml = render(run, check(run, replacements), replacements, new ArrayList<>());
    validate(run, xml);
    return xml;
  }

  private record BatchKey(LocalDate date, String iban, String bic, String name) {}

  private Map<BatchKey, List<CreditTransfer>> check(PaymentRun run, List<Replacement> replacements) {
    List<String> problems = new ArrayList<>();
    if (!validId(run.messageId())) {
      problems.add(BAD_ID.formatted("message id", run.messageId()));
    }
    if (run.createdAt() == null) {
      problems.add(RUN_MISSING.formatted(run.messageId(), "a creation time"));
    }
    if (run.initiatingParty() == null || run.initiatingParty().isBlank()) {
      problems.add(RUN_MISSING.formatted(run.messageId(), "an initiating party name"));
    }
    if (run.payments().isEmpty()) {
      problems.add(NO_PAYMENTS.formatted(run.messageId()));
    }
    Map<String, Integer> ids = new LinkedHashMap<>();
    run.payments().forEach(p -> ids.merge(String.valueOf(p.endToEndId()), 1, Integer::sum));
    ids.forEach((id, count) -> {
      if (count > 1) {
        problems.add(DUPLICATE_ID.formatted(id, count));
      }
    });
    Comparator<BatchKey> order = Comparator.comparing(BatchKey::date, Comparator.nullsFirst(Comparator.naturalOrder()))
        .thenComparing(BatchKey::iban).thenComparing(k -> String.valueOf(k.bic())).thenComparing(k -> String.valueOf(k.name()));
    Map<BatchKey, List<CreditTransfer>> batches = new TreeMap<>(order);
    for (CreditTransfer payment : run.payments()) {
      checkPayment(payment, problems);
      DebtorAccount debtor = payment.debtor() == null ? new DebtorAccount(null, null, null) : payment.debtor();
      String bic = debtor.bic() == null ? null : BankAccounts.checkBic(debtor.bic()).normalised();
      batches.computeIfAbsent(new BatchKey(payment.requestedExecutionDate(),
          BankAccounts.checkIban(debtor.iban()).normalised(), bic, debtor.name()), k -> new ArrayList<>()).add(payment);
    }
    if (!problems.isEmpty()) {
      throw new Pain001Exception(problems);
    }
    return batches;
  }

  private static void checkPayment(CreditTransfer p, List<String> problems) {
    String id = p.endToEndId();
    if (!validId(id)) {
      problems.add(BAD_ID.formatted("end-to-end id", id));
    }
    if (p.debtor() == null) {
      problems.add(MISSING.formatted(id, "a debtor account"));
    } else {
      account(id, "debtor IBAN", BankAccounts.checkIban(p.debtor().iban()), problems);
      if (p.debtor().bic() != null) {
        account(id, "debtor BIC", BankAccounts.checkBic(p.debtor().bic()), problems);
      }
      text(id, "debtor name", p.debtor().name(), 70, problems);
    }
    account(id, "creditor IBAN", BankAccounts.checkIban(p.creditorIban()), problems);
    if (p.creditorBic() != null) {
      account(id, "creditor BIC", BankAccounts.checkBic(p.creditorBic()), problems);
    }
    text(id, "creditor name", p.creditorName(), 70, problems);
    if (p.requestedExecutionDate() == null) {
      problems.add(MISSING.formatted(id, "a requested execution date"));
    }
    BigDecimal amount = p.amount();
    if (amount == null || amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX_AMOUNT) > 0) {
      problems.add(BAD_AMOUNT.formatted(id, amount == null ? "" : amount.toPlainString()));
    }
    if (p.currency() == null || !p.currency().matches("[A-Z]{3}")) {
      problems.add(BAD_CURRENCY.formatted(id, p.currency()));
    }
    if (p.remittanceText() != null && p.remittanceText().length() > 140) {
      problems.add(TOO_LONG.formatted(id, "remittance text", 140, p.remittanceText().length()));
    }
    if (p.structuredReference() != null && p.structuredReference().length() > 35) {
      problems.add(TOO_LONG.formatted(id, "structured reference", 35, p.structuredReference().length()));
    }
  }

  private static void account(String id, String what, AccountCheck check, List<String> problems) {
    if (!check.valid()) {
      problems.add(BAD_ACCOUNT.formatted(id, what, check.problem()));
    }
  }

  private static void text(String id, String what, String value, int max, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add(MISSING.formatted(id, "a " + what));
    } else if (value.length() > max) {
      problems.add(TOO_LONG.formatted(id, what, max, value.length()));
    }
  }

  static boolean validId(String id) {
    return id != null && !id.isBlank() && id.length() <= 35 && SepaCharacters.isSepa(id) && !id.startsWith("/")
        && !id.contains("//") && !id.startsWith(" ") && !id.endsWith(" ");
  }

  private byte[] render(PaymentRun run, Map<BatchKey, List<CreditTransfer>> batches, List<Replacement> replacements,
      List<Pain001File.Batch> summary) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      Xml w = new Xml(xml);
      xml.writeStartDocument("UTF-8", "1.0");
      w.newline();
      xml.setDefaultNamespace(version.namespace());
      w.start("Document");
      xml.writeDefaultNamespace(version.namespace());
      w.start("CstmrCdtTrfInitn");
      w.start("GrpHdr");
      w.leaf("MsgId", run.messageId());
      w.leaf("CreDtTm", CREATED.format(run.createdAt().withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)) + "Z");
      w.leaf("NbOfTxs", String.valueOf(run.payments().size()));
      w.leaf("CtrlSum", sum(run.payments()).toPlainString());
      w.start("InitgPty");
      w.leaf("Nm", SepaCharacters.fit("initiating party name", run.initiatingParty(), replacements));
      w.end();
      w.end();
      int number = 0;
      for (Map.Entry<BatchKey, List<CreditTransfer>> batch : batches.entrySet()) {
        number++;
        String pmtInfId = batchId(run.messageId(), number);
        writeBatch(w, pmtInfId, batch.getKey(), batch.getValue(), replacements);
        summary.add(new Pain001File.Batch(pmtInfId, batch.getKey().date(), batch.getKey().iban(), batch.getValue().size(),
            sum(batch.getValue()), batch.getValue().stream().map(CreditTransfer::endToEndId).toList()));
      }
      w.end();
      w.end();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Expected to write pain.001 XML in memory, but " + e.getMessage(), e);
    }
    return out.toByteArray();
  }

  private static String batchId(String messageId, int number) {
    String suffix = "/" + number;
    String base = messageId.length() + suffix.length() > 35 ? messageId.substring(0, 35 - suffix.length()) : messageId;
    return base.endsWith("/") ? base.substring(0, base.length() - 1) + "-" + number : base + suffix;
  }

  private void writeBatch(Xml w, String pmtInfId, BatchKey key, List<CreditTransfer> payments, List<Replacement> replacements)
      throws XMLStreamException {
    w.start("PmtInf");
    w.leaf("PmtInfId", pmtInfId);
    w.leaf("PmtMtd", "TRF");
    w.leaf("BtchBookg", "true");
    w.leaf("NbOfTxs", String.valueOf(payments.size()));
    w.leaf("CtrlSum", sum(payments).toPlainString());
    w.start("PmtTpInf");
    w.start("SvcLvl");
    w.leaf("Cd", "SEPA");
    w.end();
    w.end();
    if (version == Pain001Version.V09) {
      w.start("ReqdExctnDt");
      w.leaf("Dt", key.date().toString());
      w.end();
    } else {
      w.leaf("ReqdExctnDt", key.date().toString());
    }
    w.start("Dbtr");
    w.leaf("Nm", SepaCharacters.fit("batch '" + pmtInfId + "' debtor name", key.name(), replacements));
    w.end();
    w.start("DbtrAcct");
    w.start("Id");
    w.leaf("IBAN", key.iban());
    w.end();
    w.end();
    w.start("DbtrAgt");
    agent(w, key.bic());
    w.end();
    w.leaf("ChrgBr", "SLEV");
    for (CreditTransfer payment : payments) {
      writeTransfer(w, payment, replacements);
    }
    w.end();
  }

  private void writeTransfer(Xml w, CreditTransfer p, List<Replacement> replacements) throws XMLStreamException {
    String label = "payment '" + p.endToEndId() + "' ";
    w.start("CdtTrfTxInf");
    w.start("PmtId");
    w.leaf("EndToEndId", p.endToEndId());
    w.end();
    w.start("Amt");
    w.startWithAttribute("InstdAmt", "Ccy", p.currency());
    w.text(p.amount().setScale(2).toPlainString());
    w.endInline();
    w.end();
    if (p.creditorBic() != null) {
      w.start("CdtrAgt");
      agent(w, BankAccounts.checkBic(p.creditorBic()).normalised());
      w.end();
    }
    w.start("Cdtr");
    w.leaf("Nm", SepaCharacters.fit(label + "creditor name", p.creditorName(), replacements));
    w.end();
    w.start("CdtrAcct");
    w.start("Id");
    w.leaf("IBAN", BankAccounts.checkIban(p.creditorIban()).normalised());
    w.end();
    w.end();
    if (p.structuredReference() != null) {
      w.start("RmtInf");
      w.start("Strd");
      w.start("CdtrRefInf");
      w.start("Tp");
      w.start("CdOrPrtry");
      w.leaf("Cd", "SCOR");
      w.end();
      w.end();
      w.leaf("Ref", SepaCharacters.fit(label + "structured reference", p.structuredReference(), replacements));
      w.end();
      w.end();
      w.end();
    } else if (p.remittanceText() != null && !p.remittanceText().isBlank()) {
      w.start("RmtInf");
      w.leaf("Ustrd", SepaCharacters.fit(label + "remittance text", p.remittanceText(), replacements));
      w.end();
    }
    w.end();
  }

  private void agent(Xml w, String bic) throws XMLStreamException {
    w.start("FinInstnId");
    if (bic == null) {
      w.start("Othr");
      w.leaf("Id", "NOTPROVIDED");
      w.end();
    } else {
      w.leaf(version == Pain001Version.V09 ? "BICFI" : "BIC", bic);
    }
    w.end();
  }

  private static BigDecimal sum(List<CreditTransfer> payments) {
    return payments.stream().map(CreditTransfer::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
  }

  private void validate(PaymentRun run, byte[] xml) {
    try {
      SecureXml.validator(SecureXml.schema(version.schemaResource())).validate(new StreamSource(new ByteArrayInputStream(xml)));
    } catch (SAXParseException e) {
      throw new Pain001Exception(List.of(SCHEMA_INVALID.formatted(version.messageName(), run.messageId(),
          SecureXml.position(e), e.getMessage())));
    } catch (SAXException | IOException e) {
      throw new Pain001Exception(List.of(SCHEMA_INVALID.formatted(version.messageName(), run.messageId(),
          "an unknown position", e.getMessage())));
    }
  }

  private static void release(byte[] xml, Path target) {
    Path directory = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".part");
      try {
        Files.write(temporary, xml);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to write the payment file '" + target + "', but " + e.getMessage(), e);
    }
  }

  /** Indenting helper over the stream writer: one element per line, two spaces per level. */
  private static final class Xml {
    private final XMLStreamWriter xml;
    private int depth;

    Xml(XMLStreamWriter xml) {
      this.xml = xml;
    }

    void newline() throws XMLStreamException {
      xml.writeCharacters("\n");
    }

    void indent() throws XMLStreamException {
      xml.writeCharacters("  ".repeat(depth));
    }

    void start(String name) throws XMLStreamException {
      if (depth > 0) {
        newline();
      }
      indent();
      xml.writeStartElement(name);
      depth++;
    }

    void startWithAttribute(String name, String attribute, String value) throws XMLStreamException {
      newline();
      indent();
      xml.writeStartElement(name);
      xml.writeAttribute(attribute, value);
    }

    void text(String text) throws XMLStreamException {
      xml.writeCharacters(text);
    }

    void endInline() throws XMLStreamException {
      xml.writeEndElement();
    }

    void leaf(String name, String text) throws XMLStreamException {
      newline();
      indent();
      xml.writeStartElement(name);
      xml.writeCharacters(text);
      xml.writeEndElement();
    }

    void end() throws XMLStreamException {
      depth--;
      newline();
      indent();
      xml.writeEndElement();
    }
  }

  /** Ids of the run that occur more than once (for callers that check before building a run). */
  public static Set<String> duplicateEndToEndIds(List<CreditTransfer> payments) {
    Set<String> seen = new HashSet<>();
    Set<String> duplicates = new HashSet<>();
    payments.forEach(p -> {
      if (!seen.add(p.endToEndId())) {
        duplicates.add(p.endToEndId());
      }
    });
    return duplicates;
  }
}
