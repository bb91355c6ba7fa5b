package dev.engranaje.workers.finance.statement;

/**
 * A statement file that cannot be read: not well-formed, not valid against its schema, or not in
 * the declared layout. The message names the file ({@link #source()}) and where in it ({@link
 * #position()}: {@code line 12, column 7}, {@code line 12}, {@code row 4, column 'Amount'} or an
 * element path such as {@code /Document/BkToCstmrStmt/Stmt[2]/Ntry[5]/Amt}).
 */
public final class StatementException extends Exception {
  static final String FORMAT = "Expected a readable bank statement in '%s', but at %s: %s";

  private final String source;
  private final String position;

  /**
   * @param source the file's name as given
   * @param position where in the file, e.g. {@code line 3, column 14}; {@code start of file} when unknown
   * @param problem what is wrong, without the file and position (the message adds them)
   */
  public StatementException(String source, String position, String problem) {
    this(source, position, problem, null);
  }

  /** As {@link #StatementException(String, String, String)}, with the underlying cause. */
  public StatementException(String source, String position, String problem, Throwable cause) {
    super(String.format(FORMAT, source, position == null ? "start of file" : position, problem), cause);
    this.source = source;
    this.position = position == null ? "start of file" : position;
  }

  /** The file's name as given to the reader. */
  public String source() {
    return source;
  }

  /** Where in the file: line and column, line, row and column, or element path. */
  public String position() {
    return position;
  }
}
