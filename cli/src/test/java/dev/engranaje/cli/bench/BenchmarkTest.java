package dev.engranaje.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Runs the whole bench with tiny numbers; asserts the figures are plausible, never how fast they are. */
class BenchmarkTest {

  @Test
  void shouldReportNonZeroFiguresWhenRunWithTinyNumbers() throws Exception {
    // given
    BenchSettings settings = new BenchSettings(50, 10, 8, 10, 50, 50, 40, 32, Duration.ofMillis(100),
        Duration.ofSeconds(5), true, false, Duration.ofMinutes(2));

    // when
    BenchReport report = new Benchmark(settings).runInProcess();

    // then
    BenchReport.Throughput throughput = report.throughput();
    assertThat(throughput.instances()).isEqualTo(50);
    assertThat(throughput.failedCreates()).isZero();
    assertThat(throughput.failedCompletions()).isZero();
    assertThat(throughput.seconds()).isPositive();
    assertThat(throughput.instancesPerSecond()).isPositive();
    // each instance writes dozens of records: commands, element lifecycle events, 3 jobs
    assertThat(throughput.records()).isGreaterThan(50L * 3);
    assertThat(throughput.recordsPerSecond()).isPositive();
    assertThat(throughput.jobActivation().samples()).isEqualTo(150);
    assertPlausible(throughput.jobActivation());
    assertThat(report.lowRate().jobActivation().samples()).isEqualTo(30);
    assertPlausible(report.lowRate().jobActivation());
    BenchReport.MessageCorrelation messages = report.messageCorrelation();
    assertThat(messages.instances()).isEqualTo(40);
    assertThat(messages.failedPublications()).isZero();
    assertThat(messages.correlated()).isEqualTo(40);
    assertThat(messages.completedInstances()).isEqualTo(40);
    assertThat(messages.waitingSeconds()).isPositive();
    assertThat(messages.messagesPerSecond()).isPositive();
    assertThat(messages.publication().samples()).isEqualTo(40);
    assertPlausible(messages.publication());
    assertThat(messages.cpuMsPerMessage()).isPositive();
    assertThat(report.startup().engineStartMs()).isPositive();
    assertThat(report.startup().topologyMs()).isGreaterThanOrEqualTo(report.startup().engineStartMs());
    assertThat(report.startup().processReadyMs()).isNull();
    assertThat(report.recovery().activeInstances()).isEqualTo(50);
    assertThat(report.recovery().recordsReplayed()).isGreaterThan(50L * 3);
    assertThat(report.recovery().topologyMs()).isPositive();
    assertThat(report.machine().cores()).isPositive();
  }

  @Test
  void shouldPrintEveryMeasureWhenFormattedAsTableOrJson() throws Exception {
    // given
    BenchReport report = new BenchReport(BenchReport.Machine.current(), "in-process", BenchSettings.defaults(),
        new BenchReport.Throughput(10, 0, 0, 2.0, 5.0, 100L, 50.0, new BenchReport.Latency(30, 1, 2, 3, 4)),
        new BenchReport.LowRate(10, 50, 0, new BenchReport.Latency(30, 1, 2, 3, 4)),
        new BenchReport.MessageCorrelation(20, 1.5, 0, 20, 20, 0.5, 40.0, new BenchReport.Latency(20, 5, 6, 7, 8),
            0.25),
        new BenchReport.Startup(100, 120, 900.0), new BenchReport.Recovery(10, 200, 30, 40));

    // when
    String table = report.toTable();
    JsonNode json = BenchCommand.jsonWriter().readTree(BenchCommand.jsonWriter().writeValueAsString(report));

    // then
    assertThat(table).contains("5 instances/s", "50 records/s", "p99 3.0 ms", "job activation (50/s)",
        "Engine.start 100 ms", "900 ms from process start", "200 records replayed", "40 messages/s",
        "20 instances waiting at a message catch event after 1.50 s", "20 correlated",
        "20 of 20 instances completed", "p99 7.0 ms, max 8.0 ms (20 messages)",
        "0.250 ms of CPU per message");
    assertThat(json.at("/throughput/instancesPerSecond").asDouble()).isEqualTo(5.0);
    assertThat(json.at("/lowRate/jobActivation/p99Ms").asDouble()).isEqualTo(3.0);
    assertThat(json.at("/recovery/recordsReplayed").asLong()).isEqualTo(200);
    assertThat(json.at("/messageCorrelation/messagesPerSecond").asDouble()).isEqualTo(40.0);
    assertThat(json.at("/messageCorrelation/publication/p50Ms").asDouble()).isEqualTo(5.0);
    assertThat(json.at("/settings/pollInterval").asText()).isEqualTo(BenchSettings.DEFAULT_POLL_INTERVAL);
  }

  private static void assertPlausible(BenchReport.Latency latency) {
    assertThat(latency.p50Ms()).isPositive();
    assertThat(latency.p90Ms()).isGreaterThanOrEqualTo(latency.p50Ms());
    assertThat(latency.p99Ms()).isGreaterThanOrEqualTo(latency.p90Ms());
    assertThat(latency.maxMs()).isGreaterThanOrEqualTo(latency.p99Ms());
  }
}
