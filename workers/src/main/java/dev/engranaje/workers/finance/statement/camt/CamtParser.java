package dev.engranaje.workers.finance.statement.camt;

import dev.engranaje.workers.finance.statement.StatementException;
import dev.engranaje.workers.finance.statement.StatementFile;
import java.nio.file.Path;

/** ISO 20022 camt.052/053/054 parser (in progress). */
public final class CamtParser {
  private CamtParser() {}

  /** Parses and validates {@code file}. */
  public static StatementFile parse(Path file, String source, String sha256) throws StatementException {
    throw new StatementException(source, null, "camt parsing is not available yet");
  }
}
