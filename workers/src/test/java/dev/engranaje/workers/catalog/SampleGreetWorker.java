package dev.engranaje.workers.catalog;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;

/** A worker without settings, registered in the test META-INF/services/...JobWorker file. */
@JobType("test:greet:1")
public final class SampleGreetWorker implements JobWorker<SampleGreetWorker.Person, SampleGreetWorker.Greeting> {
  /** The input. */
  public record Person(String name) {}

  /** The output. */
  public record Greeting(String greeting) {}

  @Override
  public Class<Person> inputType() {
    return Person.class;
  }

  @Override
  public Greeting handle(Person person, JobContext context) {
    return new Greeting("Hello, " + person.name());
  }
}
