package dev.engranaje.examples.bankportal;

import dev.engranaje.workers.finance.pain001.Pain001Document;
import dev.engranaje.workers.finance.pain001.Pain001Exception;
import dev.engranaje.workers.finance.pain001.Pain001Reader;
import dev.engranaje.workers.finance.pain001.Pain001Version;
import dev.engranaje.workers.finance.securexml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * What the bank checks before it accepts a payment file: well-formed XML without a DTD, a pain.001
 * of a version it takes (001.001.03 or 001.001.09), valid against that version's official XSD, and
 * declared counts and sums that agree with the contents. A refusal is a sentence naming the file and
 * the position, as a bank's upload page shows it.
 */
final class PaymentFileCheck {
  static final String WRONG_VERSION = "Expected '%s' to be a pain.001.001.03 or pain.001.001.09 file, but its namespace is '%s'.";
  static final String DOCTYPE = "Expected '%s' to have no document type declaration, but it declares one at %s.";
  static final String SCHEMA_INVALID = "Expected '%s' to be valid against the %s schema, but at %s: %s";

  /** The file as read, once it passed every check. */
  Pain001Document check(byte[] file, String name) {
    refuseDoctype(file, name);
    Pain001Document document = new Pain001Reader().read(new ByteArrayInputStream(file), name);
    Pain001Version version = Arrays.stream(Pain001Version.values())
        .filter(v -> v.namespace().equals(document.namespace())).findFirst()
        .orElseThrow(() -> new Pain001Exception(List.of(WRONG_VERSION.formatted(name, document.namespace()))));
    try {
      SecureXml.validator(SecureXml.schema(version.schemaResource())).validate(new StreamSource(new ByteArrayInputStream(file)));
    } catch (SAXParseException e) {
      throw new Pain001Exception(List.of(SCHEMA_INVALID.formatted(name, version.messageName(), SecureXml.position(e), e.getMessage())));
    } catch (SAXException | IOException e) {
      throw new Pain001Exception(List.of(SCHEMA_INVALID.formatted(name, version.messageName(), "an unknown position", e.getMessage())));
    }
    if (!document.inconsistencies().isEmpty()) {
      throw new Pain001Exception(document.inconsistencies().stream().map(s -> "'" + name + "': " + s).toList());
    }
    return document;
  }

  /** A payment file has no business declaring a DTD; banks refuse one outright (XXE, entity bombs). */
  private static void refuseDoctype(byte[] file, String name) {
    try {
      XMLStreamReader xml = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(file));
      try {
        while (xml.hasNext()) {
          int event = xml.next();
          if (event == XMLStreamConstants.DTD) {
            throw new Pain001Exception(List.of(DOCTYPE.formatted(name, "line " + xml.getLocation().getLineNumber()
                + ", column " + xml.getLocation().getColumnNumber())));
          }
          if (event == XMLStreamConstants.START_ELEMENT) {
            return;
          }
        }
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      throw new Pain001Exception(List.of("Expected '" + name + "' to be well-formed XML, but at " + SecureXml.position(e)
          + ": " + SecureXml.reason(e)));
    }
  }
}
