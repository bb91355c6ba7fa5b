package dev.engranaje.engine.history;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The display names of a deployed process and its elements, read from the stored BPMN with a
 * streaming scan (it runs on the log writer, so it must stay cheap even for a 10,000-element
 * model); DTDs and external entities are refused. Null where none is set.
 */
record ProcessNames(String processName, Map<String, String> elements) {
  static final ProcessNames NONE = new ProcessNames(null, Map.of());
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final XMLInputFactory FACTORY = factory();

  String element(String elementId) {
    return elements.get(elementId);
  }

  static ProcessNames parse(String xml, String processId) {
    Map<String, String> elements = new HashMap<>();
    String processName = null;
    try {
      XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
      try {
        while (reader.hasNext()) {
          if (reader.next() != XMLStreamReader.START_ELEMENT || !BPMN.equals(reader.getNamespaceURI())) {
            continue;
          }
          String id = reader.getAttributeValue(null, "id");
          String name = reader.getAttributeValue(null, "name");
          if (id == null || name == null || name.isBlank()) {
            continue;
          }
          if (reader.getLocalName().equals("process")) {
            if (id.equals(processId)) {
              processName = name;
            }
          } else {
            elements.put(id, name);
          }
        }
      } finally {
        reader.close();
      }
    } catch (XMLStreamException | RuntimeException e) {
      return NONE; // names are for display only; a model the engine runs always parses
    }
    return new ProcessNames(processName, Map.copyOf(elements));
  }

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return factory;
  }
}
