package dev.engranaje.engine.model.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A streaming well-formedness pre-scan with a hardened parser: any DOCTYPE is refused, so external
 * entities and entity expansion bombs are rejected before anything is resolved or expanded. The
 * BPMN library's own parser is hardened as well; this scan does not rely on that and gives the line
 * and column of the problem.
 */
public final class SafeXml {

  static final String NOT_WELL_FORMED = "Expected well-formed XML, but %s";
  static final String DOCTYPE_REFUSED =
      "Expected an XML document without DOCTYPE or entity declarations, but %s";
  static final String PARSER_UNAVAILABLE =
      "Expected a hardened XML parser to be available, but %s";

  private static final String DISALLOW_DOCTYPE =
      "http://apache.org/xml/features/disallow-doctype-decl";
  private static final String EXTERNAL_GENERAL_ENTITIES =
      "http://xml.org/sax/features/external-general-entities";
  private static final String EXTERNAL_PARAMETER_ENTITIES =
      "http://xml.org/sax/features/external-parameter-entities";
  private static final String LOAD_EXTERNAL_DTD =
      "http://apache.org/xml/features/nonvalidating/load-external-dtd";

  private SafeXml() {}

  /**
   * Scans the document.
   *
   * @return the finding message, or empty when the document is well-formed and has no DOCTYPE
   */
  public static Optional<String> scan(byte[] content) {
    try {
      SAXParser parser = newFactory().newSAXParser();
      parser.getXMLReader().setErrorHandler(null);
      parser.parse(new ByteArrayInputStream(content), new DefaultHandler());
      return Optional.empty();
    } catch (SAXParseException e) {
      String where = location(e) + e.getMessage();
      String template = isDoctypeProblem(e) ? DOCTYPE_REFUSED : NOT_WELL_FORMED;
      return Optional.of(String.format(template, where));
    } catch (SAXException | IOException e) {
      return Optional.of(String.format(NOT_WELL_FORMED, e.getMessage()));
    } catch (ParserConfigurationException e) {
      return Optional.of(String.format(PARSER_UNAVAILABLE, e.getMessage()));
    }
  }

  static String location(SAXParseException e) {
    return e.getLineNumber() > 0
        ? "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
        : "";
  }

  private static boolean isDoctypeProblem(SAXParseException e) {
    String message = e.getMessage();
    return message != null && (message.contains("DOCTYPE") || message.contains("ENTITY"));
  }

  static SAXParserFactory newFactory()
      throws ParserConfigurationException, SAXException {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setValidating(false);
    factory.setXIncludeAware(false);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature(DISALLOW_DOCTYPE, true);
    factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
    factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
    factory.setFeature(LOAD_EXTERNAL_DTD, false);
    return factory;
  }
}
