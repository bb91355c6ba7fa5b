package dev.engranaje.workers.finance.statement.export;

import dev.engranaje.workers.finance.statement.StatementException;
import dev.engranaje.workers.finance.statement.StatementFile;
import java.nio.file.Path;

/** Reads a bank's CSV or xlsx export through a profile (in progress). */
public final class ExportParser {
  private ExportParser() {}

  /** Parses {@code file}. */
  public static StatementFile parse(Path file, String source, String sha256, ExportProfile profile) throws StatementException {
    throw new StatementException(source, null, "export parsing is not available yet");
  }
}
