package dev.engranaje.examples;

import dev.engranaje.workers.runtime.Backoff;
import dev.engranaje.workers.runtime.JobObserver;
import java.time.Duration;

/** What every scenario stack's builder lets its caller set: who watches the jobs, and the retry backoff. */
public abstract class StackOptions<B extends StackOptions<B>> {
  private JobObserver observer = JobObserver.NONE;
  private Backoff backoff = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(8));

  /** Told of every job the stack's workers start and finish (the demo prints them). */
  public B observer(JobObserver value) {
    this.observer = value;
    return self();
  }

  /** The wait between attempts of a failed job (default 1 s, doubling, at most 8 s). */
  public B backoff(Backoff value) {
    this.backoff = value;
    return self();
  }

  public JobObserver observer() {
    return observer;
  }

  public Backoff backoff() {
    return backoff;
  }

  protected abstract B self();
}
