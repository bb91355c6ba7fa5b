package dev.engranaje.workers.catalog;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;

/** A factory reading section {@code settings.greeting}, registered in the test META-INF/services/...WorkerFactory file. */
public final class SampleSaluteFactory implements WorkerFactory {
  /** The section's shape. */
  public record GreetingSettings(String salutation) {}

  @Override
  public String jobType() {
    return "test:salute:1";
  }

  @Override
  public String settingsSection() {
    return "greeting";
  }

  @Override
  public JobWorker<?, ?> create(WorkerSettings settings) {
    return new SaluteWorker(settings.as(GreetingSettings.class).salutation());
  }

  @JobType("test:salute:1")
  static final class SaluteWorker implements JobWorker<SampleGreetWorker.Person, SampleGreetWorker.Greeting> {
    private final String salutation;

    SaluteWorker(String salutation) {
      this.salutation = salutation;
    }

    @Override
    public Class<SampleGreetWorker.Person> inputType() {
      return SampleGreetWorker.Person.class;
    }

    @Override
    public SampleGreetWorker.Greeting handle(SampleGreetWorker.Person person, JobContext context) {
      return new SampleGreetWorker.Greeting(salutation + ", " + person.name());
    }
  }
}
