package dev.engranaje.engine.api.rest;

import java.util.Map;

/**
 * Who may use the REST API. With a user and password every request needs HTTP basic
 * authentication (the official client sends it with {@code
 * CredentialsProvider.newBasicAuthCredentialsProviderBuilder()} or the {@code
 * CAMUNDA_BASIC_AUTH_USERNAME}/{@code CAMUNDA_BASIC_AUTH_PASSWORD} environment variables). Without,
 * the API is open, which the server allows only on a loopback address unless {@code
 * insecureNoAuth} says so explicitly.
 *
 * @param user the basic-auth user, or null for none
 * @param password the basic-auth password, or null for none; never printed
 * @param insecureNoAuth serve without authentication on a non-loopback address (a loud warning is
 *     logged)
 * @param users users with password hashes and roles from a users file ({@link ApiUsers}), or null;
 *     the environment's single user, if also set, is an admin besides them
 */
public record ApiAccess(String user, String password, boolean insecureNoAuth, ApiUsers users) {

  /** The environment variable holding the API user. */
  public static final String USER_VARIABLE = "ENGRANAJE_API_USER";

  /** The environment variable holding the API password. */
  public static final String PASSWORD_VARIABLE = "ENGRANAJE_API_PASSWORD";

  /** An open API: fine on loopback, refused elsewhere. */
  public static final ApiAccess OPEN = new ApiAccess(null, null, false);

  public ApiAccess(String user, String password, boolean insecureNoAuth) {
    this(user, password, insecureNoAuth, null);
  }

  public ApiAccess {
    boolean hasUser = user != null && !user.isEmpty();
    boolean hasPassword = password != null && !password.isEmpty();
    if (hasUser != hasPassword) {
      throw new IllegalArgumentException("Expected both " + USER_VARIABLE + " and " + PASSWORD_VARIABLE
          + " to be set for API authentication, but only " + (hasUser ? USER_VARIABLE : PASSWORD_VARIABLE) + " is");
    }
    if (hasUser && user.indexOf(':') >= 0) {
      throw new IllegalArgumentException("Expected " + USER_VARIABLE + " without ':' (HTTP basic authentication"
          + " cannot carry it), but it has one");
    }
    if (!hasUser) {
      user = null;
      password = null;
    }
    if (users != null && users.isEmpty()) {
      users = null;
    }
  }

  /** As this, with the users of a users file besides the environment's user. */
  public ApiAccess withUsers(ApiUsers fileUsers) {
    return new ApiAccess(user, password, insecureNoAuth, fileUsers);
  }

  /** Credentials from {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE}, if set. */
  public static ApiAccess fromEnvironment(Map<String, String> environment, boolean insecureNoAuth) {
    return new ApiAccess(environment.get(USER_VARIABLE), environment.get(PASSWORD_VARIABLE), insecureNoAuth);
  }

  /** Whether requests must authenticate. */
  public boolean requiresCredentials() {
    return user != null || users != null;
  }

  @Override
  public String toString() {
    return "ApiAccess[user=" + user + ", password=" + (password == null ? "none" : "***") + ", insecureNoAuth="
        + insecureNoAuth + ", users=" + (users == null ? "none" : "file") + "]";
  }
}
