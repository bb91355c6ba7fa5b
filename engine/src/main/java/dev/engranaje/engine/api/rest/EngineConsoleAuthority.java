package dev.engranaje.engine.api.rest;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The embedded engine's users log in to its console with the credentials the REST API takes. */
final class EngineConsoleAuthority implements ConsoleAuthority {

  private final Router router;

  EngineConsoleAuthority(Router router) {
    this.router = router;
  }

  @Override
  public boolean requiresLogin() {
    return router.requiresCredentials();
  }

  @Override
  public CompletableFuture<Optional<ConsoleSessions.Session>> login(String user, char[] password,
      ConsoleSessions sessions) {
    // PBKDF2 takes a while: off the request thread
    return CompletableFuture.supplyAsync(() -> {
      Router.Identity identity = router.login(user, password);
      return Optional.ofNullable(identity)
          .map(found -> sessions.open(found.user(), found.roles(), router.groups(found.user()), null));
    });
  }
}
