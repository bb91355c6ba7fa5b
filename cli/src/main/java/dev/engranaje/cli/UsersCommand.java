package dev.engranaje.cli;

import dev.engranaje.engine.api.rest.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code rpa users}: helpers for the engine's users file ({@code rpa engine start --users FILE}). */
@Command(name = "users", mixinStandardHelpOptions = true, subcommands = UsersCommand.HashPassword.class,
    description = "Manage the REST API's users file (see docs/security.md).")
final class UsersCommand {

  @Command(name = "hash-password", mixinStandardHelpOptions = true,
      description = {"Prints the salted PBKDF2 hash of a password for a user's 'password:' in the users file.",
          "The password is asked for twice on a terminal, or read as the first line of standard input;",
          "never pass it as an argument (it would stay in the shell history and process list)."})
  static final class HashPassword implements Callable<Integer> {
    InputStream in = System.in;
    PrintStream out = System.out;
    Console console = System.console();

    @Override
    public Integer call() throws IOException {
      char[] password = console != null ? fromTerminal() : fromInput();
      try {
        if (password.length == 0) {
          throw new UserError("Expected a password, but it was empty.");
        }
        out.println(PasswordHash.of(password).format());
        return 0;
      } finally {
        Arrays.fill(password, '\0');
      }
    }

    private char[] fromTerminal() {
      char[] first = console.readPassword("Password: ");
      char[] second = console.readPassword("Repeat: ");
      if (first == null || second == null || !Arrays.equals(first, second)) {
        throw new UserError("Expected the same password twice, but the two differ.");
      }
      Arrays.fill(second, '\0');
      return first;
    }

    private char[] fromInput() throws IOException {
      String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      if (line == null) {
        throw new UserError("Expected the password on standard input, but it was empty.");
      }
      return line.toCharArray();
    }
  }
}
