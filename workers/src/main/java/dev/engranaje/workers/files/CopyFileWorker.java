package dev.engranaje.workers.files;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.nio.file.Files;

/**
 * {@code rpa:files.copy:1}: copies a file or a directory tree (symbolic links skipped) within the
 * workspace and areas. Runs once per job, so a redelivered job does not trip over its own copy.
 * Errors: {@code FILE_NOT_FOUND}, {@code FILE_EXISTS} (overwrite FAIL).
 */
@JobType("rpa:files.copy:1")
public final class CopyFileWorker implements JobWorker<CopyFileWorker.Input, CopyFileWorker.Copied> {

  /**
   * @param source the file or directory to copy
   * @param target the copy's reference; ending in {@code /} keeps the name inside that directory
   * @param overwrite FAIL (default), REPLACE or SKIP when the target exists
   */
  public record Input(String source, String target, OverwritePolicy overwrite) {
    public Input {
      overwrite = overwrite == null ? OverwritePolicy.FAIL : overwrite;
    }
  }

  /** The copy's reference and the bytes copied; {@code skipped} when the policy SKIP left the target. */
  public record Copied(String path, long bytes, boolean skipped) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Copied handle(Input input, JobContext context) throws Exception {
    return context.once(context.idempotencyKey(), Copied.class, () -> copy(input, context));
  }

  private static Copied copy(Input input, JobContext context) throws Exception {
    Transfer transfer = Transfer.resolve(context.workspace(), input.source(), input.target());
    if (!input.overwrite().proceed(transfer.target(), transfer.targetReference())) {
      return new Copied(transfer.targetReference(), 0, true);
    }
    try {
      if (Files.isDirectory(transfer.source()) != Files.isDirectory(transfer.target()) && Files.exists(transfer.target())) {
        FileTrees.delete(transfer.target());
      }
      long bytes = FileTrees.copy(transfer.source(), transfer.target(), true);
      return new Copied(context.workspace().reference(transfer.target()), bytes, false);
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Expected to copy '" + input.source() + "' to '" + transfer.targetReference() + "', but "
          + e.getMessage(), e);
    }
  }
}
