package dev.engranaje.cli.lint;

import dev.engranaje.workers.finance.securexml.SecureXml;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The line of each element's start tag, by id. Read with the project's secured StAX factory (no
 * DOCTYPE, no external entities); an unreadable document gives an empty index. Immutable.
 */
public final class LineIndex {
  private static final LineIndex EMPTY = new LineIndex(Map.of());

  private final Map<String, Integer> lines;

  private LineIndex(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /** Indexes {@code content}; the first start tag with a given id wins. */
  public static LineIndex of(byte[] content) {
    Map<String, Integer> lines = new HashMap<>();
    try {
      XMLStreamReader reader = SecureXml.inputFactory().createXMLStreamReader(new ByteArrayInputStream(content));
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamConstants.START_ELEMENT) {
            String id = reader.getAttributeValue(null, "id");
            if (id != null) {
              lines.putIfAbsent(id, reader.getLocation().getLineNumber());
            }
          }
        }
      } finally {
        reader.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      return lines.isEmpty() ? EMPTY : new LineIndex(Map.copyOf(lines));
    }
    return new LineIndex(Map.copyOf(lines));
  }

  /** The line of the element, or 0 when the id is {@code null} or unknown. */
  public int lineOf(String elementId) {
    return elementId == null ? 0 : lines.getOrDefault(elementId, 0);
  }
}
