package dev.engranaje.workers.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small pool of browser sessions per {@link BrowserKind}, so jobs do not pay a browser start each.
 * The reuse rule: a session goes back to the pool only when its job ended without a technical
 * failure, its {@link BrowserSession#reset(Set) reset} (windows closed, page blank, cookies, storage
 * and cache of every visited origin cleared) succeeded, it served fewer than the configured number
 * of jobs and fewer than the configured number of sessions are idle; otherwise it is closed. A job
 * never shares a session with another running job.
 *
 * <p>Thread-safe.
 */
final class BrowserPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BrowserPool.class);

  /** Creates a new session of a kind; may throw when the browser cannot start. */
  @FunctionalInterface
  interface Launcher {
    BrowserSession launch(BrowserKind kind) throws Exception;
  }

  private final Launcher launcher;
  private final int maxIdle;
  private final int maxUses;
  private final Map<BrowserKind, Deque<BrowserSession>> idle = new EnumMap<>(BrowserKind.class);
  private int launched;
  private int reused;
  private boolean closed;

  BrowserPool(Launcher launcher, int maxIdle, int maxUses) {
    this.launcher = launcher;
    this.maxIdle = maxIdle;
    this.maxUses = maxUses;
  }

  /** An idle session of {@code kind}, or a new one. */
  BrowserSession lease(BrowserKind kind) throws Exception {
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("Expected an open browser pool, but it is closed");
      }
      BrowserSession session = idle.computeIfAbsent(kind, k -> new ArrayDeque<>()).pollFirst();
      if (session != null) {
        reused++;
        session.countUse();
        return session;
      }
      launched++;
    }
    BrowserSession session = launcher.launch(kind);
    session.countUse();
    return session;
  }

  /** Returns a session after its job; see the class comment for when it is kept. */
  void release(BrowserSession session, boolean reusable, Set<String> visitedOrigins) {
    boolean keep = reusable && session.uses() < maxUses && resetQuietly(session, visitedOrigins);
    synchronized (this) {
      Deque<BrowserSession> sessions = idle.computeIfAbsent(session.kind(), k -> new ArrayDeque<>());
      if (keep && !closed && sessions.size() < maxIdle) {
        sessions.addFirst(session);
        return;
      }
    }
    session.close();
  }

  private static boolean resetQuietly(BrowserSession session, Set<String> origins) {
    try {
      session.reset(origins);
      return true;
    } catch (RuntimeException e) {
      LOG.warn("Discarding a {} session that could not be reset: {}", session.kind().label(), e.getClass().getSimpleName());
      return false;
    }
  }

  /** Sessions started and sessions reused so far, for tests and metrics. */
  synchronized int[] counts() {
    return new int[] {launched, reused};
  }

  @Override
  public void close() {
    Deque<BrowserSession> toClose = new ArrayDeque<>();
    synchronized (this) {
      closed = true;
      idle.values().forEach(toClose::addAll);
      idle.clear();
    }
    toClose.forEach(BrowserSession::close);
  }
}
