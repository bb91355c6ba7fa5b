package dev.engranaje.engine.api.rest;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Who decides whether someone may use the web console: the embedded engine's own users, or the
 * engine a console proxies to (which is asked with the credentials given).
 */
public interface ConsoleAuthority {

  /** Whether the console needs a login (an engine open on loopback does not). */
  boolean requiresLogin();

  /**
   * A new session in {@code sessions} when {@code password} is {@code user}'s, else empty. May be
   * slow (a password hash, a call upstream): it completes later.
   */
  CompletableFuture<Optional<ConsoleSessions.Session>> login(String user, char[] password, ConsoleSessions sessions);
}
