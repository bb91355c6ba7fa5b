package dev.engranaje.workers.finance.statement;

import java.util.List;

/**
 * What one delivered file holds: one or more statements in one format.
 *
 * @param source the file's name as given (for messages), never {@code null}
 * @param format e.g. {@code camt.053.001.08}, {@code mt940}, {@code csv:PROFILE}
 * @param sha256 hex SHA-256 of the file's bytes (duplicate delivery detection)
 */
public record StatementFile(String source, String format, String sha256, List<BankStatement> statements) {
  public StatementFile {
    statements = List.copyOf(statements);
  }
}
