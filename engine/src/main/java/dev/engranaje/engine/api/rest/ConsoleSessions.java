package dev.engranaje.engine.api.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;

/**
 * The web console's logged-in sessions, in memory: a random id in an HttpOnly, SameSite=Strict
 * cookie, and a second random token the console's script sends in {@value #CSRF_HEADER} with every
 * action. A session ends at logout, after {@link #IDLE} without use, or when the server stops.
 */
public final class ConsoleSessions {

  /** The session cookie's name. */
  public static final String COOKIE = "ENGRANAJE_SESSION";

  /** The request header that carries the session's CSRF token. */
  public static final String CSRF_HEADER = "X-CSRF-Token";

  static final Duration IDLE = Duration.ofHours(8);
  private static final int MAX_SESSIONS = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * One login.
   *
   * @param authorization the Authorization header to send upstream (a console proxying to another
   *     engine), or null; never printed
   */
  public record Session(String id, String csrfToken, String user, Set<Role> roles, Set<String> groups,
      String authorization) {
    @Override
    public String toString() {
      return "Session[user=" + user + ", roles=" + roles + ", groups=" + groups + "]";
    }

    /** Whether {@code token} is this session's CSRF token (compared in constant time). */
    public boolean acceptsCsrf(String token) {
      return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
          token.getBytes(StandardCharsets.UTF_8));
    }
  }

  private record Entry(Session session, Instant lastUsed) {}

  private final Map<String, Entry> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  public ConsoleSessions() {
    this(Clock.systemUTC());
  }

  ConsoleSessions(Clock clock) {
    this.clock = clock;
  }

  /**
   * Starts a session for a user who has just proven who they are.
   *
   * @param groups their groups, or null when the engine does not say
   */
  public Session open(String user, Set<Role> roles, Set<String> groups, String authorization) {
    if (sessions.size() >= MAX_SESSIONS) {
      Instant now = clock.instant();
      sessions.values().removeIf(entry -> expired(entry, now));
      if (sessions.size() >= MAX_SESSIONS) {
        throw new IllegalStateException("Expected fewer than " + MAX_SESSIONS + " console sessions, but that many"
            + " are open; they end after " + IDLE.toHours() + " hours without use");
      }
    }
    Session session = new Session(token(), token(), user, Set.copyOf(roles), groups == null ? null : Set.copyOf(groups),
        authorization);
    sessions.put(session.id(), new Entry(session, clock.instant()));
    return session;
  }

  /** The live session named by the request's cookie, if any (and marks it used). */
  public Optional<Session> find(Request request) {
    String id = cookie(request);
    if (id == null) {
      return Optional.empty();
    }
    Entry entry = sessions.get(id);
    Instant now = clock.instant();
    if (entry == null || expired(entry, now)) {
      if (entry != null) {
        sessions.remove(id);
      }
      return Optional.empty();
    }
    sessions.put(id, new Entry(entry.session(), now));
    return Optional.of(entry.session());
  }

  /** Whether the request carries a session cookie at all (live or not). */
  public static boolean hasCookie(Request request) {
    return cookie(request) != null;
  }

  /** Ends the session named by the request's cookie. */
  public void close(Request request) {
    String id = cookie(request);
    if (id != null) {
      sessions.remove(id);
    }
  }

  /** The Set-Cookie value that gives the browser {@code session}. */
  public static String setCookie(Session session) {
    return COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict";
  }

  /** The Set-Cookie value that removes the session cookie. */
  public static String clearCookie() {
    return COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict";
  }

  private boolean expired(Entry entry, Instant now) {
    return entry.lastUsed().plus(IDLE).isBefore(now);
  }

  private static String cookie(Request request) {
    for (HttpCookie cookie : Request.getCookies(request)) {
      if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
        return cookie.getValue();
      }
    }
    return null;
  }

  private static String token() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
