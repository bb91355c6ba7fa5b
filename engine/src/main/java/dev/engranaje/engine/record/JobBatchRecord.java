package dev.engranaje.engine.record;

import java.util.List;

/** A batch of jobs handed to one worker with one deadline. */
public record JobBatchRecord(String type, String worker, long timeout, long deadline, List<Long> jobKeys)
    implements RecordValue {
  public JobBatchRecord {
    jobKeys = List.copyOf(jobKeys);
  }
}
