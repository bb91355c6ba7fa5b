package dev.engranaje.workers.web;

import java.util.Arrays;
import java.util.Locale;

/** The browsers a web script can run in. HtmlUnit is embedded; Chromium runs headless from the system. */
public enum BrowserKind {
  HTMLUNIT,
  CHROMIUM;

  static final String UNKNOWN = "Expected browser to be one of %s, but it is '%s'";

  /** Parses {@code htmlunit} or {@code chromium}, case-insensitively. */
  public static BrowserKind parse(String text) {
    String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(kind -> kind.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(String.format(UNKNOWN, names(), text)));
  }

  static String names() {
    return Arrays.stream(values()).map(BrowserKind::label).toList().toString();
  }

  /** The name as written in scripts and inputs. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
