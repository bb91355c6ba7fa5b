package dev.engranaje.examples.bankportal;

import java.util.Arrays;
import java.util.Optional;

/** The download formats of the portal, named as in its download URLs ({@code ?format=camt053}). */
public enum StatementFormat {
  CAMT053("camt053", "camt.053", ".camt053.xml", "application/xml"),
  MT940("mt940", "MT940", ".mt940.sta", "text/plain; charset=ISO-8859-1");

  private final String parameter;
  private final String label;
  private final String suffix;
  private final String contentType;

  StatementFormat(String parameter, String label, String suffix, String contentType) {
    this.parameter = parameter;
    this.label = label;
    this.suffix = suffix;
    this.contentType = contentType;
  }

  /** The value of the {@code format} query parameter. */
  public String parameter() {
    return parameter;
  }

  String label() {
    return label;
  }

  /** The file name a download of {@code statementId} gets. */
  public String fileName(String statementId) {
    return statementId + suffix;
  }

  String contentType() {
    return contentType;
  }

  static Optional<StatementFormat> of(String parameter) {
    return Arrays.stream(values()).filter(f -> f.parameter.equals(parameter)).findFirst();
  }
}
