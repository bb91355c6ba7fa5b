package dev.engranaje.workers.finance.pain001;

import dev.engranaje.workers.finance.securexml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a pain.001 file (any version whose namespace names pain.001, including the SIX and DK
 * variants) with StAX, DTDs and entities refused. Elements it does not model are skipped.
 * Thread-safe: each call has its own parser.
 */
public final class Pain001Reader {
  static final String NOT_PAIN001 =
      "Expected '%s' to be a pain.001 document (root 'Document' in a pain.001 namespace), but its root is '%s' in %s.";
  static final String MALFORMED = "Expected '%s' to be well-formed XML, but at %s: %s";
  static final String BAD_NUMBER = "Expected '%s' element '%s' at %s to hold a decimal number, but it holds '%s'.";
  static final String NO_MESSAGE_ID = "Expected '%s' to have GrpHdr/MsgId, but it has none.";

  /** Reads the file; the name in messages is the file name. */
  public Pain001Document read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to read '" + file + "', but " + e.getMessage(), e);
    }
  }

  /**
   * Reads a stream.
   *
   * @param name the name used in messages (a file or attachment name)
   * @throws Pain001Exception when the XML is malformed or not a pain.001
   */
  public Pain001Document read(InputStream in, String name) {
    XMLStreamReader xml = null;
    try {
      xml = SecureXml.inputFactory().createXMLStreamReader(in);
      return new Parse(xml, name).document();
    } catch (XMLStreamException e) {
      throw new Pain001Exception(List.of(MALFORMED.formatted(name, SecureXml.position(e), SecureXml.reason(e))));
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // the parse outcome is already decided; closing a StAX reader frees no file handle
        }
      }
    }
  }

  /** One parse: a stack of element names and the builders of the block being read. */
  private static final class Parse {
    private final XMLStreamReader xml;
    private final String name;
    private final Deque<String> path = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private String namespace;
    private String messageId;
    private String created;
    private Integer count;
    private BigDecimal sum;
    private String initiator;
    private final List<Pain001Document.Batch> batches = new ArrayList<>();
    private BatchBuilder batch;
    private TransactionBuilder tx;

    Parse(XMLStreamReader xml, String name) {
      this.xml = xml;
      this.name = name;
    }

    Pain001Document document() throws XMLStreamException {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          start();
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          text.append(xml.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          end(relativePath());
          path.removeLast();
          text.setLength(0);
        }
      }
      if (messageId == null) {
        throw new Pain001Exception(List.of(NO_MESSAGE_ID.formatted(name)));
      }
      return new Pain001Document(namespace, messageId, created, count, sum, initiator, batches);
    }

    private void start() {
      String local = xml.getLocalName();
      if (path.isEmpty()) {
        String ns = xml.getNamespaceURI();
        if (!"Document".equals(local) || ns == null || !ns.contains("pain.001")) {
          throw new Pain001Exception(List.of(NOT_PAIN001.formatted(name, local,
              ns == null || ns.isEmpty() ? "no namespace" : "namespace '" + ns + "'")));
        }
        namespace = ns;
      }
      path.addLast(local);
      text.setLength(0);
      String relative = relativePath();
      if ("PmtInf".equals(relative)) {
        batch = new BatchBuilder();
      } else if ("PmtInf/CdtTrfTxInf".equals(relative)) {
        tx = new TransactionBuilder();
      } else if (relative.endsWith("CdtTrfTxInf/Amt/InstdAmt") || relative.endsWith("CdtTrfTxInf/Amt/EqvtAmt/Amt")) {
        tx.currency = xml.getAttributeValue(null, "Ccy");
      }
    }

    /** The path below CstmrCdtTrfInitn, e.g. {@code PmtInf/DbtrAcct/Id/IBAN}. */
    private String relativePath() {
      List<String> names = new ArrayList<>(path);
      return names.size() <= 2 ? names.size() == 2 ? "" : "" : String.join("/", names.subList(2, names.size()));
    }

    private void end(String p) {
      String value = text.toString().strip();
      switch (p) {
        case "GrpHdr/MsgId" -> messageId = value;
        case "GrpHdr/CreDtTm" -> created = value;
        case "GrpHdr/NbOfTxs" -> count = Integer.valueOf(number(value, "NbOfTxs").intValueExact());
        case "GrpHdr/CtrlSum" -> sum = number(value, "CtrlSum");
        case "GrpHdr/InitgPty/Nm" -> initiator = value;
        case "PmtInf/PmtInfId" -> batch.id = value;
        case "PmtInf/NbOfTxs" -> batch.count = Integer.valueOf(number(value, "NbOfTxs").intValueExact());
        case "PmtInf/CtrlSum" -> batch.sum = number(value, "CtrlSum");
        case "PmtInf/ReqdExctnDt", "PmtInf/ReqdExctnDt/Dt", "PmtInf/ReqdExctnDt/DtTm" -> {
          if (!value.isEmpty()) {
            batch.date = value;
          }
        }
        case "PmtInf/Dbtr/Nm" -> batch.debtorName = value;
        case "PmtInf/DbtrAcct/Id/IBAN", "PmtInf/DbtrAcct/Id/Othr/Id" -> batch.account = value;
        case "PmtInf/DbtrAgt/FinInstnId/BIC", "PmtInf/DbtrAgt/FinInstnId/BICFI" -> batch.bic = value;
        case "PmtInf/CdtTrfTxInf/PmtId/EndToEndId" -> tx.endToEndId = value;
        case "PmtInf/CdtTrfTxInf/Amt/InstdAmt", "PmtInf/CdtTrfTxInf/Amt/EqvtAmt/Amt" -> tx.amount = number(value, "InstdAmt");
        case "PmtInf/CdtTrfTxInf/Cdtr/Nm" -> tx.creditorName = value;
        case "PmtInf/CdtTrfTxInf/CdtrAcct/Id/IBAN", "PmtInf/CdtTrfTxInf/CdtrAcct/Id/Othr/Id" -> tx.account = value;
        case "PmtInf/CdtTrfTxInf/CdtrAgt/FinInstnId/BIC", "PmtInf/CdtTrfTxInf/CdtrAgt/FinInstnId/BICFI" -> tx.bic = value;
        case "PmtInf/CdtTrfTxInf/RmtInf/Ustrd" -> tx.text = tx.text == null ? value : tx.text + " " + value;
        case "PmtInf/CdtTrfTxInf/RmtInf/Strd/CdtrRefInf/Ref" -> tx.reference = value;
        case "PmtInf/CdtTrfTxInf" -> batch.transactions.add(tx.build());
        case "PmtInf" -> batches.add(batch.build());
        default -> {
          // an element the model does not carry
        }
      }
    }

    private BigDecimal number(String value, String element) {
      try {
        return new BigDecimal(value);
      } catch (NumberFormatException e) {
        Location at = xml.getLocation();
        throw new Pain001Exception(List.of(BAD_NUMBER.formatted(name, element,
            "line " + at.getLineNumber() + ", column " + at.getColumnNumber(), value)));
      }
    }
  }

  private static final class BatchBuilder {
    String id;
    String date;
    Integer count;
    BigDecimal sum;
    String debtorName;
    String account;
    String bic;
    final List<Pain001Document.Transaction> transactions = new ArrayList<>();

    Pain001Document.Batch build() {
      return new Pain001Document.Batch(id, date, count, sum, debtorName, account, bic, List.copyOf(transactions));
    }
  }

  private static final class TransactionBuilder {
    String endToEndId;
    BigDecimal amount;
    String currency;
    String creditorName;
    String account;
    String bic;
    String text;
    String reference;

    Pain001Document.Transaction build() {
      return new Pain001Document.Transaction(endToEndId, amount, currency, creditorName, account, bic, text, reference);
    }
  }
}
