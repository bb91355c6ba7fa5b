package dev.engranaje.workers.files;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.workspace.Workspace;
import java.nio.file.Path;

/**
 * The source and target of a move or copy, resolved and checked: the source exists, a target ending
 * in {@code /} means "into that directory, same name", and the target is not inside the source.
 *
 * @param targetReference the target as given, for messages
 */
record Transfer(Path source, Path target, String targetReference) {
  static final String INTO_ITSELF = "Expected a target outside '%s', but '%s' is inside it; choose another target";

  static Transfer resolve(Workspace workspace, String source, String target) throws TechnicalFailure, BusinessError {
    Path from = Locations.existing(workspace, source, "source");
    if (target == null || target.isBlank()) {
      throw TechnicalFailure.permanent("Expected a 'target' reference, but it is empty");
    }
    String reference = target.trim();
    if (reference.endsWith("/")) {
      reference = reference + from.getFileName();
    }
    Path to = workspace.resolveForWriting(reference);
    if (to.startsWith(from)) {
      throw TechnicalFailure.permanent(String.format(INTO_ITSELF, source, reference));
    }
    return new Transfer(from, to, reference);
  }
}
