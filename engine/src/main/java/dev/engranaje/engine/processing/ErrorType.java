package dev.engranaje.engine.processing;

/** Incident error types, as Zeebe names them. */
public enum ErrorType {
  JOB_NO_RETRIES,
  IO_MAPPING_ERROR,
  EXTRACT_VALUE_ERROR,
  CONDITION_ERROR,
  UNHANDLED_ERROR_EVENT,
  CALLED_ELEMENT_ERROR,
  CALLED_DECISION_ERROR,
  DECISION_EVALUATION_ERROR,
  FORM_NOT_FOUND,
  UNKNOWN
}
