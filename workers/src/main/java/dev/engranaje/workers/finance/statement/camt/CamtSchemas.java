package dev.engranaje.workers.finance.statement.camt;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

/**
 * The bundled official ISO 20022 XSDs, one per namespace ({@code camt.052.001.02}, {@code .08},
 * {@code camt.053.001.02}, {@code .04}, {@code .08}, {@code camt.054.001.02}, {@code .08}), compiled
 * once and cached; and the secured XML factories. Schemas, validators and readers refuse DTDs and
 * every external access (secure processing on, {@code ACCESS_EXTERNAL_DTD} and {@code
 * ACCESS_EXTERNAL_SCHEMA} empty).
 */
final class CamtSchemas {
  static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
  private static final Map<String, Optional<Schema>> SCHEMAS = new ConcurrentHashMap<>();

  private CamtSchemas() {}

  /** The message name of a camt namespace (e.g. {@code camt.053.001.08}), or {@code null}. */
  static String messageOf(String namespace) {
    if (namespace == null || !namespace.startsWith(NAMESPACE_PREFIX)) {
      return null;
    }
    String name = namespace.substring(NAMESPACE_PREFIX.length());
    return name.matches("camt\\.05[234]\\.001\\.\\d{2}") ? name : null;
  }

  /** The compiled schema of that message, empty when none is bundled. */
  static Optional<Schema> schema(String message) {
    return SCHEMAS.computeIfAbsent(message, CamtSchemas::load);
  }

  /** A validator of that schema, secured. */
  static Validator validator(Schema schema) {
    Validator validator = schema.newValidator();
    try {
      validator.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXException e) {
      throw new IllegalStateException("Expected the JDK validator to accept the secure settings, but " + e.getMessage(), e);
    }
    return validator;
  }

  /** A StAX factory that reports a DTD instead of reading it and never resolves an external entity. */
  static XMLInputFactory inputFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setXMLResolver((publicId, systemId, base, namespace) -> {
      throw new javax.xml.stream.XMLStreamException("Expected no external entity, but the document refers to " + systemId);
    });
    return factory;
  }

  private static Optional<Schema> load(String message) {
    URL xsd = CamtSchemas.class.getResource(message + ".xsd");
    if (xsd == null) {
      return Optional.empty();
    }
    try (InputStream in = xsd.openStream()) {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return Optional.of(factory.newSchema(new StreamSource(in, xsd.toExternalForm())));
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("Expected the bundled schema " + message + ".xsd to compile, but " + e.getMessage(), e);
    }
  }
}
