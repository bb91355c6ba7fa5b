package dev.engranaje.cli.ops;

import dev.engranaje.cli.UserError;
import java.io.Console;
import java.util.Locale;

/**
 * Asks "are you sure?" on the terminal before a batch change. Without a terminal (a script, a
 * pipe, CI) nothing is asked and nothing is changed: the caller must pass {@code --yes}.
 */
final class Confirmation {
  static final String NO_TERMINAL = "Expected a confirmation for %s, but there is no terminal to ask on:"
      + " pass --yes to go ahead without asking.";

  private Confirmation() {}

  /** True when the user answered yes; throws {@link UserError} when there is nobody to ask. */
  static boolean ask(String what) {
    Console console = System.console();
    if (console == null) {
      throw new UserError(String.format(NO_TERMINAL, what));
    }
    String answer = console.readLine("%s? [y/N] ", capitalised(what));
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).matches("y|yes");
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
