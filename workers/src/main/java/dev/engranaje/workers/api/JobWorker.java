package dev.engranaje.workers.api;

/**
 * A bot for one job type (named by {@link JobType} on the class). It reads its input as a record
 * {@code I}, does one thing and returns an output {@code O} whose properties become process
 * variables (or {@code null} for none).
 *
 * <p>Failures: throw {@link BusinessError} for an outcome the model handles (it becomes a BPMN error
 * with a stable code); throw {@link TechnicalFailure} or let an I/O exception escape for a technical
 * problem (the job is failed and retried with exponential backoff until its retries run out, then it
 * becomes an incident). Messages name the file, row, selector or element and say what to do.
 *
 * <p>Thread-safety: a worker instance serves several jobs concurrently and must be thread-safe;
 * per-job state lives in local variables or the {@link JobContext}.
 *
 * @param <I> the input record, mapped from job variables and task headers by property name
 * @param <O> the output, mapped to variables by property name
 */
public interface JobWorker<I, O> {

  /** The record (or class) the job's variables and headers are mapped to. */
  Class<I> inputType();

  /** Handles one job. */
  O handle(I input, JobContext context) throws Exception;

  /** The job type from the class's {@link JobType} annotation. */
  default String jobType() {
    JobType type = getClass().getAnnotation(JobType.class);
    if (type == null) {
      throw new IllegalStateException(
          "Expected worker " + getClass().getName() + " to be annotated with @JobType, but it is not");
    }
    return type.value();
  }
}
