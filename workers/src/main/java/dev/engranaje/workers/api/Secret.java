package dev.engranaje.workers.api;

import java.util.Objects;

/**
 * A secret value resolved at run time from a reference such as {@code secrets.MAIL_PASSWORD}. Input
 * records declare secret fields with this type; the runtime resolves them and refuses literal
 * values. {@link #toString()} never shows the value, so a secret printed by accident stays hidden.
 */
public final class Secret {
  private final String name;
  private final String value;

  public Secret(String name, String value) {
    this.name = Objects.requireNonNull(name, "name");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** The reference name, e.g. {@code MAIL_PASSWORD}; safe to log. */
  public String name() {
    return name;
  }

  /** The secret itself: pass it straight to the library that needs it, never to a log or variable. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "secrets." + name + "(***)";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.name.equals(name) && secret.value.equals(value);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }
}
