package dev.engranaje.workers.finance.securexml;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;

/**
 * Factories for StAX readers and XSD validators that refuse DTDs and every external access.
 * Compiled schemas are cached per classpath resource (a {@link Schema} is thread-safe); readers and
 * validators are created per use. Thread-safe.
 */
public final class SecureXml {
  static final String SCHEMA_MISSING = "Expected the schema '%s' on the classpath, but it is missing.";
  static final String SCHEMA_BROKEN = "Expected the schema '%s' to compile, but %s";

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private SecureXml() {}

  /** A StAX input factory with DTDs, external entities and entity replacement turned off. */
  public static XMLInputFactory inputFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return factory;
  }

  /**
   * The compiled schema of a classpath resource, compiled once with external access refused.
   *
   * @param resource an absolute classpath resource path such as {@code /finance/iso20022/x.xsd}
   */
  public static Schema schema(String resource) {
    return SCHEMAS.computeIfAbsent(resource, SecureXml::compile);
  }

  /** A validator of the schema with external DTD and schema access refused. */
  public static Validator validator(Schema schema) {
    Validator validator = schema.newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
      throw new IllegalStateException("Expected a JAXP validator with external access control, but " + e.getMessage(), e);
    }
    return validator;
  }

  /** "line L, column C" of a StAX failure, or "an unknown position". */
  public static String position(XMLStreamException e) {
    Location location = e.getLocation();
    return location == null ? "an unknown position" : position(location.getLineNumber(), location.getColumnNumber());
  }

  /** "line L, column C" of a validation failure. */
  public static String position(SAXParseException e) {
    return position(e.getLineNumber(), e.getColumnNumber());
  }

  /** The parser's message without the "ParseError at [row,col]:" prefix StAX puts in front. */
  public static String reason(XMLStreamException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int marker = message.indexOf("Message: ");
    return (marker >= 0 ? message.substring(marker + 9) : message).strip();
  }

  private static String position(int line, int column) {
    return "line " + line + ", column " + column;
  }

  private static Schema compile(String resource) {
    URL url = SecureXml.class.getResource(resource);
    if (url == null) {
      throw new IllegalStateException(SCHEMA_MISSING.formatted(resource));
    }
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    try (InputStream in = url.openStream()) {
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return factory.newSchema(new StreamSource(in, url.toExternalForm()));
    } catch (SAXException | IOException e) {
      throw new IllegalStateException(SCHEMA_BROKEN.formatted(resource, e.getMessage()), e);
    }
  }
}
