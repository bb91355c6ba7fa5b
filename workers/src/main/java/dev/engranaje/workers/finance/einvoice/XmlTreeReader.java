package dev.engranaje.workers.finance.einvoice;

import dev.engranaje.workers.finance.securexml.SecureXml;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses an e-invoice XML into {@link XmlNode}s with the secured StAX factory of {@link SecureXml}. A
 * document type declaration (and with it every entity, internal or external) is refused outright, as
 * is an unresolved entity reference; a malformed document is refused naming line and column. Nesting
 * and element count are capped ({@value #MAX_DEPTH}, {@value #MAX_ELEMENTS}).
 * Stateless and thread-safe.
 */
final class XmlTreeReader {
  static final String DOCTYPE =
      "Expected no DOCTYPE (DTDs and entities are refused in e-invoices), but the document declares one";
  static final String ENTITY = "Expected no entity references (DTDs and entities are refused), but found '&%s;'";
  static final String MALFORMED = "Expected well-formed XML, but %s";
  static final String EMPTY = "Expected an XML document, but the file has no root element";
  static final String TOO_DEEP = "Expected elements nested at most %d deep (an invoice needs about 15), but '%s' is deeper";
  static final String TOO_MANY = "Expected at most %d elements in an e-invoice, but the document has more";

  /** UBL and CII nest about 15 deep; the cap keeps a hostile document from exhausting memory. */
  static final int MAX_DEPTH = 64;
  /** Far above any real invoice (10,000 lines of UBL are about 400,000 elements). */
  static final int MAX_ELEMENTS = 1_000_000;

  private XmlTreeReader() {}

  /** The root element of {@code xml}; {@code source} names the file in messages. */
  static XmlNode parse(byte[] xml, String source) throws EinvoiceException {
    XMLStreamReader reader = null;
    try {
      reader = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(xml));
      return build(reader, source);
    } catch (XMLStreamException e) {
      throw new EinvoiceException(source, SecureXml.position(e), String.format(MALFORMED, SecureXml.reason(e)), e);
    } finally {
      close(reader);
    }
  }

  private static XmlNode build(XMLStreamReader reader, String source) throws XMLStreamException, EinvoiceException {
    Deque<Open> open = new ArrayDeque<>();
    XmlNode root = null;
    int elements = 0;
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.DTD -> throw new EinvoiceException(source, here(reader), DOCTYPE);
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new EinvoiceException(source, here(reader), String.format(ENTITY, reader.getLocalName()));
        case XMLStreamConstants.START_ELEMENT -> {
          if (open.size() >= MAX_DEPTH) {
            throw new EinvoiceException(source, here(reader), String.format(TOO_DEEP, MAX_DEPTH, open.peek().path));
          }
          if (++elements > MAX_ELEMENTS) {
            throw new EinvoiceException(source, here(reader), String.format(TOO_MANY, MAX_ELEMENTS));
          }
          open.push(start(reader, open.peek()));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!open.isEmpty()) {
            open.peek().text.append(reader.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          XmlNode done = open.pop().node();
          if (open.isEmpty()) {
            root = done;
          } else {
            open.peek().children.add(done);
          }
        }
        default -> {
          // comments, processing instructions and the document's end carry nothing for the model
        }
      }
    }
    if (root == null) {
      throw new EinvoiceException(source, null, EMPTY);
    }
    return root;
  }

  private static Open start(XMLStreamReader reader, Open parent) {
    String prefix = reader.getPrefix();
    String qualified = prefix == null || prefix.isEmpty() ? reader.getLocalName() : prefix + ":" + reader.getLocalName();
    String path;
    if (parent == null) {
      path = "/" + qualified;
    } else {
      int index = parent.seen.merge(qualified, 1, Integer::sum);
      path = parent.path + "/" + qualified + (index > 1 ? "[" + index + "]" : "");
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < reader.getAttributeCount(); i++) {
      attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
    }
    Location location = reader.getLocation();
    String namespace = reader.getNamespaceURI();
    return new Open(namespace == null ? "" : namespace, reader.getLocalName(), path, Map.copyOf(attributes),
        location == null ? -1 : location.getLineNumber(), location == null ? -1 : location.getColumnNumber());
  }

  private static String here(XMLStreamReader reader) {
    Location location = reader.getLocation();
    return location == null ? null : "line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }

  private static void close(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // the document is already read or refused; closing cannot change the outcome
      }
    }
  }

  /** An element being read: its children and text so far. */
  private static final class Open {
    final String namespace;
    final String name;
    final String path;
    final Map<String, String> attributes;
    final int line;
    final int column;
    final StringBuilder text = new StringBuilder();
    final List<XmlNode> children = new ArrayList<>();
    final Map<String, Integer> seen = new HashMap<>();

    Open(String namespace, String name, String path, Map<String, String> attributes, int line, int column) {
      this.namespace = namespace;
      this.name = name;
      this.path = path;
      this.attributes = attributes;
      this.line = line;
      this.column = column;
    }

    XmlNode node() {
      return new XmlNode(namespace, name, path, attributes, text.toString().strip(), List.copyOf(children), line, column);
    }
  }
}
