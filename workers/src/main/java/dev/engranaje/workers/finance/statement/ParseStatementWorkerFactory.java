package dev.engranaje.workers.finance.statement;

import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.catalog.WorkerFactory;
import dev.engranaje.workers.catalog.WorkerSettings;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Makes {@link ParseStatementWorker} from the optional {@code settings.statements} section: {@code
 * deliveryStore}, the SQLite file that remembers delivered statements (default {@value
 * #DEFAULT_STORE}, relative to the working directory).
 */
public final class ParseStatementWorkerFactory implements WorkerFactory {
  static final String SECTION = "statements";
  static final String DEFAULT_STORE = "data/statement-deliveries.db";

  /** The section's keys. */
  record Section(String deliveryStore) {}

  @Override
  public String jobType() {
    return ParseStatementWorker.class.getAnnotation(JobType.class).value();
  }

  @Override
  public String settingsSection() {
    return SECTION;
  }

  @Override
  public JobWorker<?, ?> create(WorkerSettings settings) {
    String store = settings.isPresent() ? settings.as(Section.class).deliveryStore() : null;
    Path file = Path.of(store == null || store.isBlank() ? DEFAULT_STORE : store);
    return new ParseStatementWorker(DeliveryRegistry.open(file, Clock.systemUTC()));
  }
}
