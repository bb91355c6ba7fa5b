package dev.engranaje.engine.model;

/** Event definition kinds as Zeebe names them in records ({@code bpmnEventType}). */
public enum BpmnEventType {
  UNSPECIFIED,
  NONE,
  ERROR,
  TIMER,
  MESSAGE,
  TERMINATE,
  SIGNAL,
  ESCALATION
}
