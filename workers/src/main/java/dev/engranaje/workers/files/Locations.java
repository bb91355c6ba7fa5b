package dev.engranaje.workers.files;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves file references for the file workers: a path inside the instance workspace or an area,
 * or the root of either ({@code ""} or {@code "."} for the instance workspace, {@code "inbox:"} for
 * an area), and turns a missing file into the {@value #FILE_NOT_FOUND} BPMN error. Stateless.
 */
final class Locations {
  static final String FILE_NOT_FOUND = "FILE_NOT_FOUND";
  static final String NOT_FOUND = "Expected '%s' to exist, but it does not; check the %s reference";
  private static final Pattern AREA_ROOT = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_-]+):\\.?/?\\s*");

  private Locations() {}

  /** A directory reference, where the workspace or an area root is allowed. */
  static Path directory(Workspace workspace, String reference) throws TechnicalFailure {
    if (reference == null || reference.isBlank() || reference.trim().equals(".")) {
      return workspace.directory();
    }
    Matcher root = AREA_ROOT.matcher(reference);
    if (root.matches()) {
      // the Workspace refuses the area itself, so resolve a name inside it and take its parent
      return workspace.resolve(root.group(1) + ":entry").getParent();
    }
    return workspace.resolve(reference.trim());
  }

  /** The existing file or directory {@code reference} names; missing is a business outcome. */
  static Path existing(Workspace workspace, String reference, String property) throws TechnicalFailure, BusinessError {
    Path path = workspace.resolve(reference);
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new BusinessError(FILE_NOT_FOUND, String.format(NOT_FOUND, reference, "'" + property + "'"));
    }
    return path;
  }
}
