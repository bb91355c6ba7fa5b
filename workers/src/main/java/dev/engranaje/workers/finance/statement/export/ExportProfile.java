package dev.engranaje.workers.finance.statement.export;

import dev.engranaje.workers.finance.statement.StatementException;
import java.nio.file.Path;

/** The declared layout of a bank's CSV or xlsx export (in progress). */
public final class ExportProfile {
  private ExportProfile() {}

  /** Loads a YAML profile. */
  public static ExportProfile load(Path yaml) throws StatementException {
    throw new StatementException(yaml.toString(), null, "export profiles are not available yet");
  }
}
