package dev.engranaje.cli;

import org.slf4j.LoggerFactory;

/** For commands that print their own progress line by line (`rpa demo`, `rpa test`). */
final class LibraryLogging {
  private LibraryLogging() {}

  /** Library logging stays at warnings unless RPA_LOG_LEVEL asks for more. */
  static void quiet() {
    if (System.getenv("RPA_LOG_LEVEL") != null || System.getProperty("RPA_LOG_LEVEL") != null) {
      return;
    }
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
      context.getLogger("org.htmlunit").setLevel(ch.qos.logback.classic.Level.ERROR);
      context.getLogger("com.icegreen").setLevel(ch.qos.logback.classic.Level.ERROR);
      // a long poll that outlasts the client's request timeout is retried by the client; not news here
      context.getLogger("io.camunda.client.job.poller").setLevel(ch.qos.logback.classic.Level.ERROR);
    }
  }
}
