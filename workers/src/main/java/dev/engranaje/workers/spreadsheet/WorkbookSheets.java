package dev.engranaje.workers.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.util.XMLHelper;

/**
 * The sheets listed in an xlsx's workbook part, in order: names, visibility and relationship ids,
 * and whether the workbook uses the 1904 date system. Parsed with POI's hardened StAX factory.
 */
record WorkbookSheets(List<String> names, List<Boolean> hiddenFlags, List<String> relationIds, boolean date1904) {
  private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  boolean hidden(int index) {
    return hiddenFlags.get(index);
  }

  static WorkbookSheets parse(InputStream workbook) throws IOException, XMLStreamException {
    List<String> names = new ArrayList<>();
    List<Boolean> hidden = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    boolean date1904 = false;
    try (workbook) {
      XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
      while (xml.hasNext()) {
        if (xml.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if ("workbookPr".equals(xml.getLocalName())) {
          String flag = xml.getAttributeValue(null, "date1904");
          date1904 = "1".equals(flag) || "true".equalsIgnoreCase(flag);
        } else if ("sheet".equals(xml.getLocalName())) {
          names.add(xml.getAttributeValue(null, "name"));
          String state = xml.getAttributeValue(null, "state");
          hidden.add(state != null && !"visible".equals(state));
          String id = xml.getAttributeValue(RELATIONSHIPS, "id");
          if (id == null) {
            throw new IOException("Expected a relationship id on sheet '" + names.get(names.size() - 1) + "'");
          }
          ids.add(id);
        }
      }
      xml.close();
    }
    return new WorkbookSheets(List.copyOf(names), List.copyOf(hidden), List.copyOf(ids), date1904);
  }
}
