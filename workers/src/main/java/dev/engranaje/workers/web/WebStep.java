package dev.engranaje.workers.web;

import java.time.Duration;

/**
 * One step of a web script, one record per kind. String fields may hold {@code ${variable}}
 * placeholders, resolved when the step runs; only {@link Type#text()} may hold {@code
 * {{secrets.NAME}}}. A null {@code timeout} means the script's default.
 *
 * <p>Immutable. {@link #describe()} is safe to log: it never contains a typed value.
 */
public sealed interface WebStep {

  /** The step kind as written in scripts, e.g. {@code click}. */
  String kind();

  /** A short description for logs and messages, e.g. {@code click css=#login}. */
  String describe();

  /** Navigates to {@code url}. */
  record Open(String url) implements WebStep {
    public String kind() {
      return "open";
    }

    public String describe() {
      return "open " + url;
    }
  }

  /** Clicks the first clickable element of {@code target}. */
  record Click(Target target, Duration timeout) implements WebStep {
    public String kind() {
      return "click";
    }

    public String describe() {
      return "click " + target;
    }
  }

  /** Types {@code text} into a field, clearing it first unless {@code clear} is false. */
  record Type(Target target, String text, boolean clear, Duration timeout) implements WebStep {
    public String kind() {
      return "type";
    }

    public String describe() {
      return "type into " + target;
    }
  }

  /** Chooses an option of a {@code <select>} by its visible text or, when {@code byValue}, its value. */
  record Select(Target target, String option, boolean byValue, Duration timeout) implements WebStep {
    public String kind() {
      return "select";
    }

    public String describe() {
      return "select " + (byValue ? "value " : "") + "'" + option + "' in " + target;
    }
  }

  /** Ticks ({@code checked}) or unticks a checkbox or radio button. */
  record Check(Target target, boolean checked, Duration timeout) implements WebStep {
    public String kind() {
      return "check";
    }

    public String describe() {
      return (checked ? "check " : "uncheck ") + target;
    }
  }

  /** What {@link WaitFor} waits for. */
  enum WaitCondition {
    VISIBLE,
    CLICKABLE,
    TEXT,
    URL
  }

  /**
   * Waits until {@code condition} holds: an element of {@code target} is visible or clickable, its
   * text contains {@code expected}, or the URL contains {@code expected}.
   */
  record WaitFor(WaitCondition condition, Target target, String expected, Duration timeout) implements WebStep {
    public String kind() {
      return "waitFor";
    }

    public String describe() {
      return switch (condition) {
        case VISIBLE -> "wait for visible " + target;
        case CLICKABLE -> "wait for clickable " + target;
        case TEXT -> "wait for text '" + expected + "' in " + target;
        case URL -> "wait for URL containing '" + expected + "'";
      };
    }
  }

  /** What {@link Assert} checks. */
  enum AssertCondition {
    PRESENT,
    ABSENT,
    VISIBLE,
    TEXT_CONTAINS,
    TEXT_EQUALS,
    URL_CONTAINS,
    TITLE_CONTAINS
  }

  /**
   * Checks the page now (after it finished loading). When the check fails the job fails: with BPMN
   * error {@code code} (and {@code message}) when a code is given; with a retryable technical failure
   * (and {@code message}) when {@code retry} is set, for pages that say "come back later" such as a
   * maintenance page, so the job is tried again after its backoff; otherwise with a permanent
   * technical failure.
   */
  record Assert(AssertCondition condition, Target target, String expected, String code, String message, boolean retry)
      implements WebStep {
    Assert(AssertCondition condition, Target target, String expected, String code, String message) {
      this(condition, target, expected, code, message, false);
    }

    public String kind() {
      return "assert";
    }

    public String describe() {
      String what = condition.name().toLowerCase(java.util.Locale.ROOT);
      return "assert " + what + (target == null ? "" : " " + target) + (expected == null ? "" : " '" + expected + "'");
    }
  }

  /** What {@link Extract} reads. */
  enum ExtractKind {
    TEXT,
    ATTRIBUTE,
    TABLE
  }

  /**
   * Reads an element's text, one of its attributes, or a table as rows (header cells are the keys)
   * into the output value {@code as}.
   */
  record Extract(ExtractKind what, Target target, String attribute, String as, Duration timeout) implements WebStep {
    public String kind() {
      return "extract";
    }

    public String describe() {
      String source = what == ExtractKind.ATTRIBUTE ? "attribute " + attribute + " of " : what.name().toLowerCase(java.util.Locale.ROOT) + " of ";
      return "extract " + source + target + " as " + as;
    }
  }

  /**
   * Clicks {@code click} and waits for the file it downloads, saved to workspace reference {@code
   * saveAs} (default {@code downloads/<file name the server suggested>}); its reference is output as
   * {@code as}.
   */
  record Download(Target click, String saveAs, String as, Duration timeout) implements WebStep {
    public String kind() {
      return "download";
    }

    public String describe() {
      return "download via " + click + " as " + as;
    }
  }

  /** Puts workspace file {@code file} into an {@code input[type=file]}. */
  record Upload(Target target, String file, Duration timeout) implements WebStep {
    public String kind() {
      return "upload";
    }

    public String describe() {
      return "upload " + file + " into " + target;
    }
  }

  /** Where {@link SwitchFrame} goes when it has no target. */
  enum FrameDestination {
    ELEMENT,
    PARENT,
    TOP
  }

  /** Switches into the frame {@code target}, or to the parent frame or the top document. */
  record SwitchFrame(FrameDestination destination, Target target, Duration timeout) implements WebStep {
    public String kind() {
      return "switchFrame";
    }

    public String describe() {
      return destination == FrameDestination.ELEMENT ? "switch to frame " + target : "switch to " + destination.name().toLowerCase(java.util.Locale.ROOT) + " frame";
    }
  }

  /** Which window {@link SwitchWindow} picks. */
  enum WindowChoice {
    NEW,
    ORIGINAL,
    TITLE_CONTAINS,
    URL_CONTAINS
  }

  /**
   * Switches to a window: the newest one this job has not seen yet (waiting for it to open), the
   * job's first window, or one whose title or URL contains {@code text}.
   */
  record SwitchWindow(WindowChoice choice, String text, Duration timeout) implements WebStep {
    public String kind() {
      return "switchWindow";
    }

    public String describe() {
      return "switch to " + choice.name().toLowerCase(java.util.Locale.ROOT) + " window" + (text == null ? "" : " '" + text + "'");
    }
  }

  /** Saves a screenshot (Chromium) or the page source (HtmlUnit) as evidence named {@code name}. */
  record Screenshot(String name) implements WebStep {
    public String kind() {
      return "screenshot";
    }

    public String describe() {
      return "screenshot " + name;
    }
  }
}
