package dev.engranaje.workers.files;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * {@code rpa:files.delete:1}: deletes a file, or a directory with {@code recursive}. A missing file
 * counts as deleted unless {@code missingOk} is false (then {@code FILE_NOT_FOUND}), so a redelivered
 * job completes. A symbolic link is removed, never followed. Stateless.
 */
@JobType("rpa:files.delete:1")
public final class DeleteFileWorker implements JobWorker<DeleteFileWorker.Input, DeleteFileWorker.Deleted> {
  static final String NOT_EMPTY =
      "Expected '%s' to be a file or an empty directory, but it is a directory with content; set recursive to true to delete it all";

  /**
   * @param path the file or directory
   * @param recursive delete a directory with its content (default false)
   * @param missingOk a missing path is not an error (default true)
   */
  public record Input(String path, Boolean recursive, Boolean missingOk) {
    public Input {
      recursive = recursive != null && recursive;
      missingOk = missingOk == null || missingOk;
    }
  }

  /** How many files and directories were removed. */
  public record Deleted(String path, int deleted) {}

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Deleted handle(Input input, JobContext context) throws Exception {
    Path path = context.workspace().resolve(input.path());
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      if (input.missingOk()) {
        return new Deleted(input.path(), 0);
      }
      throw new BusinessError(Locations.FILE_NOT_FOUND, String.format(Locations.NOT_FOUND, input.path(), "'path'"));
    }
    try {
      if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) && !input.recursive()) {
        try (var entries = Files.list(path)) {
          if (entries.findAny().isPresent()) {
            throw TechnicalFailure.permanent(String.format(NOT_EMPTY, input.path()));
          }
        }
      }
      return new Deleted(input.path(), FileTrees.delete(path));
    } catch (IOException e) {
      throw TechnicalFailure.retryable("Expected to delete '" + input.path() + "', but " + e.getMessage(), e);
    }
  }
}
