package dev.engranaje.engine.state;

import dev.engranaje.engine.model.ExecutableProcess;
import dev.engranaje.engine.record.ProcessRecord;
import java.util.function.Function;

/**
 * What restoring a snapshot needs besides the images: the same process loader the {@link
 * EventApplier} uses, since executable graphs are rebuilt from their records rather than stored.
 */
public record SnapshotContext(Function<ProcessRecord, ExecutableProcess> processLoader) {}
