package dev.engranaje.workers.mail;

import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.catalog.WorkerFactory;
import dev.engranaje.workers.catalog.WorkerSettings;

/** Makes {@link SendMailWorker} from the optional {@code settings.mail} section. */
public final class SendMailWorkerFactory implements WorkerFactory {
  @Override
  public String jobType() {
    return SendMailWorker.class.getAnnotation(JobType.class).value();
  }

  @Override
  public String settingsSection() {
    return MailSettingsSection.SECTION;
  }

  @Override
  public JobWorker<?, ?> create(WorkerSettings settings) {
    return new SendMailWorker(MailSettingsSection.from(settings));
  }
}
