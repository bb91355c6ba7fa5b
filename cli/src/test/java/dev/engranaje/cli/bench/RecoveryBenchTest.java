package dev.engranaje.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecoveryBenchTest {
  @Test
  void shouldReplayTheWholeLogThenRecoverFromTheSnapshotAndShrinkAfterRetentionWhenRunWithTinyNumbers()
      throws Exception {
    // when
    RecoveryBench.Report report = new RecoveryBench(30, 5).run();

    // then
    assertThat(report.fullReplay().snapshotPosition()).as("snapshots removed: a whole-log replay").isZero();
    assertThat(report.fullReplay().records()).isGreaterThan(30L * 10);
    assertThat(report.fromSnapshot().snapshotPosition()).isPositive();
    assertThat(report.fromSnapshot().records()).isLessThan(report.fullReplay().records());
    assertThat(report.removedByRetention()).isEqualTo(30);
    assertThat(report.afterCompaction().liveBytes()).isLessThan(report.afterGeneration().liveBytes());
    assertThat(report.toTable()).contains("recovery, whole log replayed", "recovery, from the snapshot",
        "bytes per finished instance", "load average");
  }
}
