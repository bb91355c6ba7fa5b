package dev.engranaje.engine.state;

import dev.engranaje.engine.record.JobRecord;

/** A live job and its status. */
public final class Job {
  private final long key;
  private JobRecord record;
  private JobStatus status = JobStatus.ACTIVATABLE;

  Job(long key, JobRecord record) {
    this.key = key;
    this.record = record;
  }

  public long key() {
    return key;
  }

  public JobRecord record() {
    return record;
  }

  public JobStatus status() {
    return status;
  }

  void update(JobRecord record, JobStatus status) {
    this.record = record;
    this.status = status;
  }
}
