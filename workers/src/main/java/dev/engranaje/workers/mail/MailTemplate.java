package dev.engranaje.workers.mail;

import dev.engranaje.workers.api.TechnicalFailure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail template language: text with placeholders {@code {{name}}} or {@code {{invoice.number}}}
 * (a dotted path into the job's {@code values}; list items by index, {@code {{lines.0.amount}}}).
 * Nothing else: no loops, no conditions, no raw output, so a template cannot run code or slip
 * unescaped values into HTML. In HTML bodies every value is HTML-escaped; in the subject line
 * breaks are removed. A placeholder without a value fails the job instead of sending a half-filled
 * mail, and secrets are refused because a mail is stored and forwarded.
 *
 * <p>Thread-safe (stateless).
 */
final class MailTemplate {
  static final String MISSING =
      "Expected a value for {{%s}} in %s, but input 'values' has no '%s'; add it to the task's values"
          + " or fix the placeholder";
  static final String MALFORMED =
      "Expected a placeholder like {{name}} or {{invoice.number}} in %s, but found '{{%s}}'";
  static final String SECRET =
      "Expected no secret in %s, but it uses {{%s}}; a mail is stored and forwarded, so secrets never go into one";
  static final String NOT_TEXT =
      "Expected {{%s}} in %s to name a text, number or boolean, but it is %s; name one of its fields instead";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern PATH = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*)\\s*");

  /** How values are written into the text. */
  enum Escaping {
    /** Plain text body: values as they are. */
    TEXT,
    /** HTML body: {@code & < > " '} escaped. */
    HTML,
    /** A header such as the subject: line breaks and control characters become spaces. */
    HEADER
  }

  private MailTemplate() {}

  /**
   * Fills {@code template}'s placeholders from {@code values}.
   *
   * @param where the input the template came from, for messages (e.g. {@code input 'subject'})
   */
  static String render(String template, Map<String, Object> values, Escaping escaping, String where)
      throws TechnicalFailure {
    if (template == null) {
      return null;
    }
    Matcher placeholders = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + 64);
    while (placeholders.find()) {
      String inside = placeholders.group(1);
      Matcher path = PATH.matcher(inside);
      if (!path.matches()) {
        throw TechnicalFailure.permanent(String.format(MALFORMED, where, inside));
      }
      String name = path.group(1);
      if (name.equals("secrets") || name.startsWith("secrets.")) {
        throw TechnicalFailure.permanent(String.format(SECRET, where, name));
      }
      String value = escape(text(lookup(values, name, where), name, where), escaping);
      placeholders.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    placeholders.appendTail(out);
    String rendered = out.toString();
    return escaping == Escaping.HEADER ? header(rendered) : rendered;
  }

  private static Object lookup(Map<String, Object> values, String path, String where) throws TechnicalFailure {
    Object current = values == null ? Map.of() : values;
    for (String segment : path.split("\\.")) {
      if (current instanceof Map<?, ?> map && map.containsKey(segment)) {
        current = map.get(segment);
      } else if (current instanceof List<?> list && segment.chars().allMatch(Character::isDigit)
          && Integer.parseInt(segment) < list.size()) {
        current = list.get(Integer.parseInt(segment));
      } else {
        throw TechnicalFailure.permanent(String.format(MISSING, path, where, path));
      }
    }
    return current;
  }

  private static String text(Object value, String name, String where) throws TechnicalFailure {
    if (value == null) {
      return "";
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      return number == Math.rint(number) && Math.abs(number) < 1e15
          ? Long.toString((long) number) : BigDecimal.valueOf(number).toPlainString();
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String kind = value instanceof Map ? "an object" : value instanceof List ? "a list" : "a " + value.getClass().getSimpleName();
    throw TechnicalFailure.permanent(String.format(NOT_TEXT, name, where, kind));
  }

  private static String escape(String value, Escaping escaping) {
    if (escaping != Escaping.HTML) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String header(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return out.toString().strip();
  }
}
