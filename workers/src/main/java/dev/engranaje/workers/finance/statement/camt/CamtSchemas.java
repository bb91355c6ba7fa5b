package dev.engranaje.workers.finance.statement.camt;

import dev.engranaje.workers.finance.securexml.SecureXml;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;

/**
 * The bundled official ISO 20022 XSDs, one per namespace ({@code camt.052.001.02}, {@code .08},
 * {@code camt.053.001.02}, {@code .04}, {@code .08}, {@code camt.054.001.02}, {@code .08}), compiled
 * once and cached; and the secured XML factories. Schemas, validators and readers refuse DTDs and
 * every external access (secure processing on, {@code ACCESS_EXTERNAL_DTD} and {@code
 * ACCESS_EXTERNAL_SCHEMA} empty).
 */
final class CamtSchemas {
  static final String NAMESPACE_PREFIX = "urn:iso:std:iso:20022:tech:xsd:";
  private static final String RESOURCE_FOLDER = "/dev/engranaje/workers/finance/statement/camt/";
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
    return SecureXml.validator(schema);
  }

  /**
   * The shared secured StAX factory, not coalescing (the parser joins text itself), predefined entities replaced and with a
   * resolver that names any external entity a document still refers to.
   */
  static XMLInputFactory inputFactory() {
    XMLInputFactory factory = SecureXml.inputFactory();
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    factory.setXMLResolver((publicId, systemId, base, namespace) -> {
      throw new javax.xml.stream.XMLStreamException("Expected no external entity, but the document refers to " + systemId);
    });
    return factory;
  }

  private static Optional<Schema> load(String message) {
    String resource = RESOURCE_FOLDER + message + ".xsd";
    return CamtSchemas.class.getResource(resource) == null ? Optional.empty() : Optional.of(SecureXml.schema(resource));
  }
}
