package dev.engranaje.engine.storage;

/**
 * The record log could not be written because of the storage, not because of the records: the disk
 * is full, an I/O error, or the database became read-only. Nothing of the failed append is stored;
 * the engine answers 507/503 and probes the storage until it can write again.
 */
public final class StorageFailure extends RuntimeException {

  /** What went wrong with the storage. */
  public enum Kind {
    /** No space left (SQLITE_FULL): free space on the disk holding the data directory. */
    FULL,
    /** The disk or file system reported an error (SQLITE_IOERR, SQLITE_READONLY, SQLITE_CANTOPEN). */
    IO_ERROR
  }

  private final Kind kind;

  public StorageFailure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
