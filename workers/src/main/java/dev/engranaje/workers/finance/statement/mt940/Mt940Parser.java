package dev.engranaje.workers.finance.statement.mt940;

import dev.engranaje.workers.finance.statement.StatementException;
import dev.engranaje.workers.finance.statement.StatementFile;
import java.nio.file.Path;

/** SWIFT MT940/MT942 parser (in progress). */
public final class Mt940Parser {
  private Mt940Parser() {}

  /** Parses {@code file}. */
  public static StatementFile parse(Path file, String source, String sha256, Mt86Profile profile) throws StatementException {
    throw new StatementException(source, null, "MT940 parsing is not available yet");
  }
}
