package dev.engranaje.workers.files;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.engranaje.workers.api.BusinessError;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a file worker does when its target already exists: {@link #FAIL} (the default) throws the
 * {@value #FILE_EXISTS} BPMN error, {@link #REPLACE} overwrites it, {@link #SKIP} leaves it and
 * reports the operation as skipped.
 */
public enum OverwritePolicy {
  FAIL,
  REPLACE,
  SKIP;

  static final String FILE_EXISTS = "FILE_EXISTS";
  static final String EXISTS =
      "Expected '%s' not to exist, but it does; set overwrite to REPLACE or SKIP, or choose another target";

  @JsonCreator
  static OverwritePolicy parse(String text) {
    return text == null || text.isBlank() ? FAIL : valueOf(text.trim().toUpperCase(Locale.ROOT));
  }

  /** True when the operation should go ahead for {@code target}; throws for FAIL on an existing target. */
  boolean proceed(Path target, String reference) throws BusinessError {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    return switch (this) {
      case FAIL -> throw new BusinessError(FILE_EXISTS, String.format(EXISTS, reference));
      case REPLACE -> true;
      case SKIP -> false;
    };
  }
}
