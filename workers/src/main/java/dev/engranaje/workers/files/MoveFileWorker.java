package dev.engranaje.workers.files;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * {@code rpa:files.move:1}: moves a file or directory within the workspace and areas (e.g. from
 * {@code inbox:} to the instance workspace). Runs once per job ({@link JobContext#once}), so a
 * redelivered job reports the earlier move instead of failing on the missing source. Across file
 * systems a directory is copied, then deleted. Errors: {@code FILE_NOT_FOUND}, {@code FILE_EXISTS}.
 */
@JobType("rpa:files.move:1")
public final class MoveFileWorker implements JobWorker<MoveFileWorker.Input, MoveFileWorker.Moved> {

  /**
   * @param source the file or directory to move
   * @param target the new reference; ending in {@code /} keeps the name inside that directory
   * @param overwrite FAIL (default), REPLACE or SKIP when the target exists
   */
  public record Input(String source, String target, OverwritePolicy overwrite) {
    public Input {
      overwrite = overwrite == null ? OverwritePolicy.FAIL : overwrite;
    }
  }

  /** Where the file is now; {@code skipped} when the target existed and the policy was SKIP. */
  public record Moved(String path, boolean skipped) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Moved handle(Input input, JobContext context) throws Exception {
    return context.once(context.idempotencyKey(), Moved.class, () -> move(input, context));
  }

  private static Moved move(Input input, JobContext context) throws Exception {
    Transfer transfer = Transfer.resolve(context.workspace(), input.source(), input.target());
    if (!input.overwrite().proceed(transfer.target(), transfer.targetReference())) {
      return new Moved(transfer.targetReference(), true);
    }
    try {
      if (Files.isDirectory(transfer.target()) && input.overwrite() == OverwritePolicy.REPLACE) {
        FileTrees.delete(transfer.target());
      }
      try {
        Files.move(transfer.source(), transfer.target(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException | DirectoryNotEmptyException otherFileSystem) {
        FileTrees.copy(transfer.source(), transfer.target(), true);
        FileTrees.delete(transfer.source());
      }
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Expected to move '" + input.source() + "' to '" + transfer.targetReference() + "', but "
          + e.getMessage(), e);
    }
    return new Moved(context.workspace().reference(transfer.target()), false);
  }
}
