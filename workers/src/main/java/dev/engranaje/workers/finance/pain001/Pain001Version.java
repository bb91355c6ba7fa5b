package dev.engranaje.workers.finance.pain001;

/** The pain.001 versions the writer produces, each with its official schema on the classpath. */
public enum Pain001Version {
  /** CustomerCreditTransferInitiationV03 (2009), the SEPA rulebook's long-time base. */
  V03("pain.001.001.03"),
  /** CustomerCreditTransferInitiationV09 (2019): BICFI, ReqdExctnDt/Dt. */
  V09("pain.001.001.09");

  private final String name;

  Pain001Version(String name) {
    this.name = name;
  }

  /** The ISO message name, e.g. {@code pain.001.001.03}. */
  public String messageName() {
    return name;
  }

  /** The XML namespace of the message. */
  public String namespace() {
    return "urn:iso:std:iso:20022:tech:xsd:" + name;
  }

  /** The classpath resource of the official XSD. */
  public String schemaResource() {
    return "/finance/iso20022/" + name + ".xsd";
  }

  /** The version whose name or short form ({@code 03}, {@code 09}) is given. */
  public static Pain001Version of(String text) {
    for (Pain001Version version : values()) {
      if (version.name.equals(text) || version.name.endsWith("." + text) || version.name().equalsIgnoreCase(text)) {
        return version;
      }
    }
    throw new IllegalArgumentException(
        "Expected a pain.001 version 'pain.001.001.03' or 'pain.001.001.09', but got '" + text + "'.");
  }
}
