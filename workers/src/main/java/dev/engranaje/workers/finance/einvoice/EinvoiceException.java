package dev.engranaje.workers.finance.einvoice;

/**
 * An e-invoice file that cannot be read: not a PDF or XML we can parse, an XML of another kind, a
 * value that is not what its business term needs, or a PDF that carries no structured invoice ({@link
 * #unstructured()}, for a person to handle, never guessed). The message names the file ({@link
 * #source()}) and where in it ({@link #position()}: {@code line 12, column 7 (/Invoice/cbc:ID)} or
 * {@code start of file}).
 */
public final class EinvoiceException extends Exception {
  static final String FORMAT = "Expected a readable e-invoice in '%s', but at %s: %s";

  private final String source;
  private final String position;
  private final boolean unstructured;

  /**
   * @param source the file's name as given
   * @param position where in the file; {@code null} for the start of the file
   * @param problem what is wrong, without the file and position (the message adds them)
   */
  public EinvoiceException(String source, String position, String problem) {
    this(source, position, problem, false, null);
  }

  /** As {@link #EinvoiceException(String, String, String)}, with the underlying cause. */
  public EinvoiceException(String source, String position, String problem, Throwable cause) {
    this(source, position, problem, false, cause);
  }

  private EinvoiceException(String source, String position, String problem, boolean unstructured, Throwable cause) {
    super(String.format(FORMAT, source, position == null ? "start of file" : position, problem), cause);
    this.source = source;
    this.position = position == null ? "start of file" : position;
    this.unstructured = unstructured;
  }

  /** A readable PDF that carries no structured invoice: a person reads it, nothing is guessed. */
  static EinvoiceException unstructured(String source, String problem) {
    return new EinvoiceException(source, null, problem, true, null);
  }

  /** The file's name as given to the reader. */
  public String source() {
    return source;
  }

  /** Where in the file: line, column and element path, or {@code start of file}. */
  public String position() {
    return position;
  }

  /** True for a PDF without structured data (business error {@code EINVOICE_UNSTRUCTURED}). */
  public boolean unstructured() {
    return unstructured;
  }
}
