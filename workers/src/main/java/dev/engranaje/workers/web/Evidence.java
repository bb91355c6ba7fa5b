package dev.engranaje.workers.web;

import dev.engranaje.workers.api.JobContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Saves what an operator needs to see why a script failed, in the instance workspace under {@value
 * #FOLDER}: a screenshot (Chromium only), the page source with known secrets masked, and the step
 * trace. File names are built from the job key, step index and step kind only, so they never hold
 * a value from the page, the variables or a secret.
 */
final class Evidence {
  static final String FOLDER = "evidence/web/";
  static final String HTMLUNIT_NOTE = "HtmlUnit takes no screenshots, the page source stands in";
  static final String UNAVAILABLE = "%s unavailable: %s";

  private Evidence() {}

  /** The saved files' references, and notes on what could not be saved. */
  record Saved(List<String> files, List<String> notes) {
    /** For a failure message: the files, then the notes. */
    String describe() {
      List<String> all = new ArrayList<>(files);
      all.addAll(notes);
      return String.join(", ", all);
    }
  }

  static Saved save(PageSteps pages, BrowserSession session, JobContext context, int step, String kind, List<String> trace) {
    String base = context.job().jobKey() + "-step" + String.format(Locale.ROOT, "%02d", step) + "-" + kind;
    List<String> files = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    if (session.kind() == BrowserKind.HTMLUNIT) {
      notes.add(HTMLUNIT_NOTE);
    } else {
      try {
        files.add(pages.savePicture(base, FOLDER));
      } catch (Exception e) {
        notes.add(String.format(UNAVAILABLE, "screenshot", e.getClass().getSimpleName()));
      }
    }
    try {
      files.add(pages.savePageSource(base, FOLDER));
    } catch (Exception e) {
      notes.add(String.format(UNAVAILABLE, "page source", e.getClass().getSimpleName()));
    }
    try {
      Path log = context.workspace().resolveForWriting(FOLDER + context.job().jobKey() + "-trace.log");
      String text = context.secrets().redactor().redact(String.join("\n", trace) + "\n");
      Files.writeString(log, text, StandardCharsets.UTF_8);
      files.add(context.workspace().reference(log));
    } catch (Exception e) {
      notes.add(String.format(UNAVAILABLE, "step trace", e.getClass().getSimpleName()));
    }
    return new Saved(List.copyOf(files), List.copyOf(notes));
  }
}
