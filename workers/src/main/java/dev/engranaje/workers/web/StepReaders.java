package dev.engranaje.workers.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the step kinds whose fields choose between several forms (waits, asserts, extracts, switches). */
final class StepReaders {
  private StepReaders() {}

  static WebStep.WaitFor waitFor(StepFields f) {
    String condition = exactlyOne(f, "waitFor", List.of("visible", "clickable", "text", "url"));
    switch (condition) {
      case "visible":
        return new WebStep.WaitFor(WebStep.WaitCondition.VISIBLE, f.requiredTarget("visible"), null, f.timeout());
      case "clickable":
        return new WebStep.WaitFor(WebStep.WaitCondition.CLICKABLE, f.requiredTarget("clickable"), null, f.timeout());
      case "text":
        return new WebStep.WaitFor(WebStep.WaitCondition.TEXT, f.requiredTarget("text"), f.requiredString("contains"), f.timeout());
      default:
        return new WebStep.WaitFor(WebStep.WaitCondition.URL, null, f.requiredString("url"), f.timeout());
    }
  }

  static WebStep.Assert assertion(StepFields f) {
    String condition = exactlyOne(f, "assert",
        List.of("present", "absent", "visible", "textContains", "textEquals", "urlContains", "titleContains"));
    String code = f.optionalString("code");
    if (code != null && !code.matches("[A-Z][A-Z0-9_]*")) {
      throw f.invalid(String.format(StepFields.BAD_FIELD, f.index(), "assert", "code", "an error code like PORTAL_LOGIN_REJECTED", "'" + code + "'"));
    }
    String message = f.optionalString("message");
    boolean retry = f.bool("retry", false);
    if (retry && code != null) {
      throw f.invalid(String.format(StepFields.BAD_FIELD, f.index(), "assert", "retry",
          "either a 'code' (a BPMN error) or 'retry: true' (try the job again), not both", "both"));
    }
    switch (condition) {
      case "present":
      case "absent":
      case "visible":
        return new WebStep.Assert(WebStep.AssertCondition.valueOf(condition.toUpperCase(Locale.ROOT)), f.requiredTarget(condition),
            null, code, message, retry);
      case "textContains":
        return new WebStep.Assert(WebStep.AssertCondition.TEXT_CONTAINS, f.requiredTarget("target"), f.requiredString(condition), code, message, retry);
      case "textEquals":
        return new WebStep.Assert(WebStep.AssertCondition.TEXT_EQUALS, f.requiredTarget("target"), f.requiredString(condition), code, message, retry);
      case "urlContains":
        return new WebStep.Assert(WebStep.AssertCondition.URL_CONTAINS, null, f.requiredString(condition), code, message, retry);
      default:
        return new WebStep.Assert(WebStep.AssertCondition.TITLE_CONTAINS, null, f.requiredString(condition), code, message, retry);
    }
  }

  static WebStep.Extract extract(StepFields f) {
    String what = exactlyOne(f, "extract", List.of("text", "attribute", "table"));
    String as = f.name("as", true);
    switch (what) {
      case "text":
        return new WebStep.Extract(WebStep.ExtractKind.TEXT, f.requiredTarget("text"), null, as, f.timeout());
      case "table":
        return new WebStep.Extract(WebStep.ExtractKind.TABLE, f.requiredTarget("table"), null, as, f.timeout());
      default:
        return new WebStep.Extract(WebStep.ExtractKind.ATTRIBUTE, f.requiredTarget("target"), f.requiredString("attribute"), as, f.timeout());
    }
  }

  /** {@code switchFrame: parent|top|<selector>} or {@code {target: …}} / {@code {to: parent|top}}. */
  static WebStep.SwitchFrame switchFrame(int index, JsonNode value) {
    if (value.isTextual() && Set.of("parent", "top").contains(value.asText().strip())) {
      return new WebStep.SwitchFrame(destination(value.asText()), null, null);
    }
    StepFields f = new StepFields(index, "switchFrame", value, "target").allowOnly(Set.of("target", "to", "timeout"));
    String to = exactlyOne(f, "switchFrame", List.of("target", "to"));
    if (to.equals("target")) {
      return new WebStep.SwitchFrame(WebStep.FrameDestination.ELEMENT, f.requiredTarget("target"), f.timeout());
    }
    String where = f.requiredString("to");
    if (!Set.of("parent", "top").contains(where)) {
      throw f.invalid(String.format(StepFields.BAD_FIELD, index, "switchFrame", "to", "parent or top", "'" + where + "'"));
    }
    return new WebStep.SwitchFrame(destination(where), null, f.timeout());
  }

  private static WebStep.FrameDestination destination(String text) {
    return WebStep.FrameDestination.valueOf(text.strip().toUpperCase(Locale.ROOT));
  }

  /** {@code switchWindow: new|original} or {@code {to: new|original}} / {@code {titleContains: …}} / {@code {urlContains: …}}. */
  static WebStep.SwitchWindow switchWindow(int index, JsonNode value) {
    StepFields f = new StepFields(index, "switchWindow", value, "to").allowOnly(Set.of("to", "titleContains", "urlContains", "timeout"));
    String choice = exactlyOne(f, "switchWindow", List.of("to", "titleContains", "urlContains"));
    switch (choice) {
      case "titleContains":
        return new WebStep.SwitchWindow(WebStep.WindowChoice.TITLE_CONTAINS, f.requiredString(choice), f.timeout());
      case "urlContains":
        return new WebStep.SwitchWindow(WebStep.WindowChoice.URL_CONTAINS, f.requiredString(choice), f.timeout());
      default:
        String to = f.requiredString("to");
        if (!Set.of("new", "original").contains(to)) {
          throw f.invalid(String.format(StepFields.BAD_FIELD, index, "switchWindow", "to", "new or original", "'" + to + "'"));
        }
        return new WebStep.SwitchWindow(to.equals("new") ? WebStep.WindowChoice.NEW : WebStep.WindowChoice.ORIGINAL, null, f.timeout());
    }
  }

  private static String exactlyOne(StepFields f, String kind, List<String> choices) {
    List<String> present = choices.stream().filter(f::has).toList();
    if (present.size() != 1) {
      throw f.invalid(String.format(ScriptParser.ONE_OF, f.index(), kind, choices, present.isEmpty() ? "none" : present));
    }
    return present.get(0);
  }
}
