package dev.engranaje.workers.finance.pain002;

import dev.engranaje.workers.finance.securexml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * Reads a pain.002 status report with StAX (DTDs and entities refused). The root must be
 * {@code Document} in a namespace naming pain.002: a document without a namespace is refused, since
 * its version cannot be known. Thread-safe: each call has its own parser.
 */
public final class Pain002Reader {
  static final String NOT_PAIN002 =
      "Expected '%s' to be a pain.002 document (root 'Document' in a pain.002 namespace), but at %s its root is '%s' in %s.";
  static final String MISSPELT_XMLNS = " It declares 'Xmlns'; the namespace attribute must be spelled 'xmlns'.";
  static final String MALFORMED = "Expected '%s' to be well-formed XML, but at %s: %s";
  static final String NO_REPORT = "Expected '%s' to hold CstmrPmtStsRpt with GrpHdr/MsgId, but it does not.";

  /** Reads the file; messages name the file. */
  public Pain002Report read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to read '" + file + "', but " + e.getMessage(), e);
    }
  }

  /**
   * Reads a stream.
   *
   * @param name the name used in messages
   * @throws Pain002Exception when malformed, not a pain.002, or without a report
   */
  public Pain002Report read(InputStream in, String name) {
    XMLStreamReader xml = null;
    try {
      xml = SecureXml.inputFactory().createXMLStreamReader(in);
      return new Parse(xml, name).report();
    } catch (XMLStreamException e) {
      throw new Pain002Exception(MALFORMED.formatted(name, SecureXml.position(e), SecureXml.reason(e)));
    } finally {
      if (xml != null) {
        try {
          xml.close();
        } catch (XMLStreamException ignored) {
          // the outcome is decided; a StAX reader holds no file handle of its own
        }
      }
    }
  }

  /** One parse: element stack plus the reason and status fields of the level being read. */
  private static final class Parse {
    private final XMLStreamReader xml;
    private final String name;
    private final Deque<String> path = new ArrayDeque<>();
    private final StringBuilder text = new StringBuilder();
    private String namespace;
    private String messageId;
    private String created;
    private String originalMessageId;
    private String originalName;
    private final Level group = new Level();
    private final List<Pain002Report.PaymentInformationStatus> payments = new ArrayList<>();
    private String pmtInfId;
    private Level pmtInf;
    private List<Pain002Report.TransactionStatus> transactions;
    private String instructionId;
    private String endToEndId;
    private Level tx;

    Parse(XMLStreamReader xml, String name) {
      this.xml = xml;
      this.name = name;
    }

    Pain002Report report() throws XMLStreamException {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          start();
        } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
          text.append(xml.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          end(relative(), text.toString().strip());
          path.removeLast();
          text.setLength(0);
        }
      }
      if (messageId == null) {
        throw new Pain002Exception(NO_REPORT.formatted(name));
      }
      return new Pain002Report(namespace, messageId, created, originalMessageId, originalName, group.status(), payments);
    }

    private void start() {
      String local = xml.getLocalName();
      if (path.isEmpty()) {
        String ns = xml.getNamespaceURI();
        if (!"Document".equals(local) || ns == null || !ns.contains("pain.002")) {
          Location at = xml.getLocation();
          String where = "line " + at.getLineNumber() + ", column " + at.getColumnNumber();
          boolean misspelt = false;
          for (int i = 0; i < xml.getAttributeCount(); i++) {
            misspelt |= "Xmlns".equals(xml.getAttributeLocalName(i));
          }
          throw new Pain002Exception(NOT_PAIN002.formatted(name, where, local,
              ns == null || ns.isEmpty() ? "no namespace" : "namespace '" + ns + "'") + (misspelt ? MISSPELT_XMLNS : ""));
        }
        namespace = ns;
      }
      path.addLast(local);
      text.setLength(0);
      String p = relative();
      if ("OrgnlPmtInfAndSts".equals(p)) {
        pmtInfId = null;
        pmtInf = new Level();
        transactions = new ArrayList<>();
      } else if ("OrgnlPmtInfAndSts/TxInfAndSts".equals(p)) {
        instructionId = null;
        endToEndId = null;
        tx = new Level();
      }
    }

    /** The path below CstmrPmtStsRpt. */
    private String relative() {
      List<String> names = new ArrayList<>(path);
      return names.size() <= 2 ? "" : String.join("/", names.subList(2, names.size()));
    }

    private void end(String p, String value) {
      switch (p) {
        case "GrpHdr/MsgId" -> messageId = value;
        case "GrpHdr/CreDtTm" -> created = value;
        case "OrgnlGrpInfAndSts/OrgnlMsgId" -> originalMessageId = value;
        case "OrgnlGrpInfAndSts/OrgnlMsgNmId" -> originalName = value;
        case "OrgnlGrpInfAndSts/GrpSts" -> group.code = value;
        case "OrgnlPmtInfAndSts/OrgnlPmtInfId" -> pmtInfId = value;
        case "OrgnlPmtInfAndSts/PmtInfSts" -> pmtInf.code = value;
        case "OrgnlPmtInfAndSts/TxInfAndSts/OrgnlInstrId" -> instructionId = value;
        case "OrgnlPmtInfAndSts/TxInfAndSts/OrgnlEndToEndId" -> endToEndId = value;
        case "OrgnlPmtInfAndSts/TxInfAndSts/TxSts" -> tx.code = value;
        case "OrgnlPmtInfAndSts/TxInfAndSts" ->
            transactions.add(new Pain002Report.TransactionStatus(instructionId, endToEndId, tx.status()));
        case "OrgnlPmtInfAndSts" ->
            payments.add(new Pain002Report.PaymentInformationStatus(pmtInfId, pmtInf.status(), List.copyOf(transactions)));
        default -> reason(p, value);
      }
    }

    /** StsRsnInf at any of the three levels (V03 also allows it under OrgnlGrpInfAndSts/StsRsnInf). */
    private void reason(String p, String value) {
      Level level = p.startsWith("OrgnlPmtInfAndSts/TxInfAndSts/StsRsnInf/") ? tx
          : p.startsWith("OrgnlPmtInfAndSts/StsRsnInf/") ? pmtInf
          : p.startsWith("OrgnlGrpInfAndSts/StsRsnInf/") ? group : null;
      if (level == null) {
        return;
      }
      if (p.endsWith("StsRsnInf/Rsn/Cd") || p.endsWith("StsRsnInf/Rsn/Prtry")) {
        if (level.reason == null) {
          level.reason = value;
        }
      } else if (p.endsWith("StsRsnInf/AddtlInf") && !value.isEmpty()) {
        level.info = level.info == null ? value : level.info + " " + value;
      }
    }
  }

  private static final class Level {
    String code;
    String reason;
    String info;

    Status status() {
      return code == null && reason == null && info == null ? Status.NONE : new Status(code, reason, info);
    }
  }
}
