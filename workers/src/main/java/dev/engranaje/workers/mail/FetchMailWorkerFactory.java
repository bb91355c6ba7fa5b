package dev.engranaje.workers.mail;

import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.catalog.WorkerFactory;
import dev.engranaje.workers.catalog.WorkerSettings;

/** Makes {@link FetchMailWorker} from the optional {@code settings.mail} section. */
public final class FetchMailWorkerFactory implements WorkerFactory {
  @Override
  public String jobType() {
    return FetchMailWorker.class.getAnnotation(JobType.class).value();
  }

  @Override
  public String settingsSection() {
    return MailSettingsSection.SECTION;
  }

  @Override
  public JobWorker<?, ?> create(WorkerSettings settings) {
    return new FetchMailWorker(MailSettingsSection.from(settings));
  }
}
