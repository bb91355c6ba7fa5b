package dev.engranaje.workers.finance.einvoice;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a parsed e-invoice: namespace, local name, attributes, text, children and where it
 * starts in the file. Lookups go by local names (each reader checks the root namespace first, and the
 * formats do not reuse a local name for two meanings under the same parent). Immutable.
 *
 * @param namespace the namespace URI, {@code ""} for none
 * @param name the local name
 * @param path the element path with prefixes as written, e.g. {@code /Invoice/cac:InvoiceLine[2]/cbc:ID}
 * @param attributes attribute values by local name
 * @param text the element's own text, trimmed; {@code ""} when it has none
 * @param line the line where the start tag ends, as StAX reports it (1-based; -1 when unknown)
 * @param column the column just after the start tag (1-based; -1 when unknown)
 */
record XmlNode(String namespace, String name, String path, Map<String, String> attributes, String text,
    List<XmlNode> children, int line, int column) {

  /** The first child of that local name. */
  Optional<XmlNode> child(String localName) {
    for (XmlNode child : children) {
      if (child.name.equals(localName)) {
        return Optional.of(child);
      }
    }
    return Optional.empty();
  }

  /** All children of that local name, in document order. */
  List<XmlNode> all(String localName) {
    return children.stream().filter(c -> c.name.equals(localName)).toList();
  }

  /** The first element at a {@code /}-separated path of local names below this one. */
  Optional<XmlNode> at(String path) {
    Optional<XmlNode> node = Optional.of(this);
    for (String step : path.split("/")) {
      node = node.flatMap(n -> n.child(step));
    }
    return node;
  }

  /** The trimmed text at a path, empty when the element is absent or has no text. */
  Optional<String> text(String path) {
    return at(path).map(XmlNode::text).filter(t -> !t.isEmpty());
  }

  /** An attribute by local name. */
  Optional<String> attribute(String localName) {
    return Optional.ofNullable(attributes.get(localName)).map(String::strip).filter(t -> !t.isEmpty());
  }

  /** {@code line L, column C (path)}: what messages print to point at this element. */
  String position() {
    return line < 0 ? path : "line " + line + ", column " + column + " (" + path + ")";
  }
}
