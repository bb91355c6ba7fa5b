package dev.engranaje.engine.record;

/** What a record says happened (an event) or was asked (a command). Implemented by one enum per value type. */
public interface Intent {
  String name();
}
