package dev.engranaje.cli.testworkers;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the password it was given, as a careless library might: the log output must mask it. */
@JobType("cli-test:login:1")
public final class CarelessLoginWorker implements JobWorker<CarelessLoginWorker.Login, CarelessLoginWorker.Session> {
  private static final Logger LOG = LoggerFactory.getLogger(CarelessLoginWorker.class);

  /** The input. */
  public record Login(String user, Secret password) {}

  /** The output. */
  public record Session(String user, boolean loggedIn) {}

  @Override
  public Class<Login> inputType() {
    return Login.class;
  }

  @Override
  public Session handle(Login login, JobContext context) {
    LOG.info("Logging in {} with {}", login.user(), login.password().reveal());
    return new Session(login.user(), true);
  }
}
