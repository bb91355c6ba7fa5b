package dev.engranaje.workers.finance.statement;

/** Whether an entry is booked, still pending, or only for information (camt {@code Sts}). */
public enum EntryStatus {
  BOOKED,
  PENDING,
  INFO
}
