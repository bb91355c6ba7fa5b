package dev.engranaje.workers.web;

import java.util.Locale;
import org.openqa.selenium.By;

/**
 * One way to find an element: a CSS selector, an XPath expression or the element's visible text.
 * Written in scripts as {@code css=#user}, {@code xpath=//button[1]} or {@code text=Sign in}; a
 * string without one of these prefixes is CSS.
 *
 * <p>Immutable; the value is never null.
 */
public record Selector(Strategy strategy, String value) {

  /** How the value is matched. */
  public enum Strategy {
    CSS,
    XPATH,
    TEXT
  }

  public Selector {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Expected a selector value, but it is empty");
    }
  }

  /** Parses {@code css=…}, {@code xpath=…}, {@code text=…} or plain CSS. */
  public static Selector parse(String text) {
    String trimmed = text.strip();
    int equals = trimmed.indexOf('=');
    if (equals > 0) {
      String prefix = trimmed.substring(0, equals).toLowerCase(Locale.ROOT);
      String rest = trimmed.substring(equals + 1).strip();
      switch (prefix) {
        case "css":
          return new Selector(Strategy.CSS, rest);
        case "xpath":
          return new Selector(Strategy.XPATH, rest);
        case "text":
          return new Selector(Strategy.TEXT, rest);
        default:
          break;
      }
    }
    return new Selector(Strategy.CSS, trimmed);
  }

  /** The WebDriver locator. A text selector matches the innermost element whose whole text is the value, or a button-like input with that value. */
  By by() {
    switch (strategy) {
      case CSS:
        return By.cssSelector(value);
      case XPATH:
        return By.xpath(value);
      default:
        String literal = xpathLiteral(value.strip());
        return By.xpath("//*[not(self::script or self::style or self::head or self::title)]"
            + "[normalize-space(.)=" + literal + " and not(.//*[normalize-space(.)=" + literal + "])]"
            + " | //input[(@type='submit' or @type='button' or @type='reset') and normalize-space(@value)=" + literal + "]");
    }
  }

  // XPath 1.0 has no escape character: a value with both quote kinds is built with concat().
  static String xpathLiteral(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    if (!text.contains("\"")) {
      return "\"" + text + "\"";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public String toString() {
    return strategy.name().toLowerCase(Locale.ROOT) + "=" + value;
  }
}
