package dev.engranaje.engine.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.engranaje.engine.record.RecordValue;
import dev.engranaje.engine.record.ValueType;

/** Turns record values into JSON text and back. Thread-safe. */
public final class RecordCodec {
  // Blackbird replaces reflection with generated accessors: records are encoded on every commit
  private final ObjectMapper mapper = new ObjectMapper()
      .registerModule(new BlackbirdModule())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public String encode(RecordValue value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected to serialize a " + value.getClass().getSimpleName() + ", but failed", e);
    }
  }

  public RecordValue decode(ValueType type, String json) {
    try {
      return mapper.readValue(json, type.valueClass());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected a stored " + type + " record, but could not read it: " + e.getOriginalMessage(), e);
    }
  }
}
