package dev.engranaje.engine.snapshot;

import dev.engranaje.engine.state.EngineState;
import dev.engranaje.engine.state.SnapshotPart;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine state as of one log position, as images of its {@link SnapshotPart}s: cheap to take on
 * the processor thread, turned into bytes later by {@link SnapshotCodec}.
 *
 * @param position the position of the last record the state contains
 * @param images each part's image by its snapshot name
 */
public record StateSnapshot(long position, Map<String, Object> images) {

  /**
   * Captures every registered part of the state.
   *
   * @param finishedSince finished things that ended before this time are left out (see {@link
   *     SnapshotPart#capture})
   */
  public static StateSnapshot capture(EngineState state, long position, long finishedSince) {
    Map<String, Object> images = new LinkedHashMap<>();
    for (SnapshotPart<?> part : state.snapshotParts()) {
      images.put(part.snapshotName(), part.capture(finishedSince));
    }
    return new StateSnapshot(position, images);
  }
}
