package dev.engranaje.engine.record;

/** Marker for record payloads; each is a Jackson-serializable record. */
public interface RecordValue {}
