package dev.engranaje.cli.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.engranaje.workers.secrets.Redactor;

/**
 * A logback pattern layout whose every formatted line — message, MDC, stack trace — passes through
 * the process's {@link Redactor}, so a secret value is masked even when a library logs it. The
 * process has one redactor ({@link #redactor()}); {@code rpa worker} hands it to the worker runtime,
 * which registers each secret as it resolves it (and the secrets file's values at start).
 *
 * <p>Use it in {@code logback.xml} inside a {@code LayoutWrappingEncoder}. Thread-safe.
 */
public final class RedactingLayout extends PatternLayout {
  private static final Redactor REDACTOR = new Redactor();

  /** The redactor every line of this process's log output is masked with. */
  public static Redactor redactor() {
    return REDACTOR;
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    return REDACTOR.redact(super.doLayout(event));
  }
}
