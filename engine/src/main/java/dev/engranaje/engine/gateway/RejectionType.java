package dev.engranaje.engine.gateway;

/** Why the engine refused a command; each maps to one HTTP status in the REST API. */
public enum RejectionType {
  /** The request itself is wrong (bad variables, malformed BPMN, missing field): HTTP 400. */
  INVALID_ARGUMENT(400),
  /** The key or id names nothing the engine knows: HTTP 404. */
  NOT_FOUND(404),
  /** The target exists but is not in a state that allows the command: HTTP 409. */
  INVALID_STATE(409),
  /** The command would create something that already exists: HTTP 409. */
  ALREADY_EXISTS(409),
  /** The request waited longer than its timeout: HTTP 504. */
  TIMEOUT(504),
  /** The engine cannot serve commands now (stopped after a fatal error, storage I/O errors): HTTP 503. */
  UNAVAILABLE(503),
  /** The engine cannot store anything: the disk holding its data directory is full: HTTP 507. */
  INSUFFICIENT_STORAGE(507);

  private final int httpStatus;

  RejectionType(int httpStatus) {
    this.httpStatus = httpStatus;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
