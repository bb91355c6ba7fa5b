package dev.engranaje.engine.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.SnapshotContext;
import dev.engranaje.engine.state.SnapshotPart;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a {@link StateSnapshot} as JSON and restores an {@link EngineState} from it. A snapshot
 * whose format or set of parts differs from this code's is refused with an {@link
 * UnreadableSnapshot}, never half applied into a state that is then used.
 */
public final class SnapshotCodec {
  static final int FORMAT = 1;

  private final ObjectMapper mapper = new ObjectMapper()
      .registerModule(new BlackbirdModule())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      // the same state gives the same bytes, whatever order its hash maps happen to iterate in
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  /** The snapshot as bytes. Runs off the processor thread. */
  public byte[] encode(StateSnapshot snapshot) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("format", FORMAT);
    document.put("position", snapshot.position());
    document.put("parts", snapshot.images());
    try {
      return mapper.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected to write the engine state snapshot at position " + snapshot.position()
          + ", but failed: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Fills an empty state from a snapshot's bytes.
   *
   * @return the position the snapshot was taken at
   * @throws UnreadableSnapshot when the bytes are not a snapshot this code can read
   */
  public long restore(byte[] content, EngineState into, SnapshotContext context) {
    JsonNode document;
    try {
      document = mapper.readTree(content);
    } catch (IOException e) {
      throw new UnreadableSnapshot("it is not valid JSON: " + e.getMessage(), e);
    }
    if (document == null || document.path("format").asInt() != FORMAT) {
      throw new UnreadableSnapshot("its format is " + (document == null ? "missing" : document.path("format"))
          + ", this engine reads format " + FORMAT, null);
    }
    JsonNode parts = document.path("parts");
    Set<String> expected = new TreeSet<>();
    into.snapshotParts().forEach(part -> expected.add(part.snapshotName()));
    Set<String> found = new TreeSet<>();
    parts.fieldNames().forEachRemaining(found::add);
    if (!found.equals(expected)) {
      throw new UnreadableSnapshot("it holds the parts " + found + ", this engine has " + expected, null);
    }
    for (SnapshotPart<?> part : into.snapshotParts()) {
      restorePart(part, parts.get(part.snapshotName()), context);
    }
    return document.path("position").asLong();
  }

  private <T> void restorePart(SnapshotPart<T> part, JsonNode image, SnapshotContext context) {
    T value;
    try {
      value = mapper.treeToValue(image, part.imageType());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new UnreadableSnapshot("its part '" + part.snapshotName() + "' cannot be read: " + e.getMessage(), e);
    }
    part.restore(value, context);
  }

  /** A stored snapshot this engine cannot use; recovery then tries an older one or the whole log. */
  public static final class UnreadableSnapshot extends RuntimeException {
    UnreadableSnapshot(String reason, Throwable cause) {
      super("Expected a readable engine state snapshot, but " + reason, cause);
    }
  }
}
