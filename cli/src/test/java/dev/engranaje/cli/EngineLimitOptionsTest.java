package dev.engranaje.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.engine.EngineLimits;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code rpa engine start} limit flags: each one raises its limit, the rest keep the defaults. */
class EngineLimitOptionsTest {

  @Test
  void shouldKeepDefaultsWhenNoLimitFlagIsGiven() {
    // given
    EngineCommand.Start start = new EngineCommand.Start();

    // when
    new CommandLine(start).parseArgs("--in-memory");

    // then
    assertThat(start.limits == null ? new LimitOptions().toLimits() : start.limits.toLimits())
        .isEqualTo(EngineLimits.defaults());
  }

  @Test
  void shouldRaiseEachLimitWhenItsFlagIsGiven() {
    // given
    EngineCommand.Start start = new EngineCommand.Start();

    // when
    new CommandLine(start).parseArgs("--max-variables-size", "16777216", "--max-correlation-key-length", "8192",
        "--max-message-name-length", "2048", "--max-signal-name-length", "3000", "--max-expression-length", "65536",
        "--max-expression-nesting", "500", "--max-model-elements", "200000", "--max-deployment-size", "33554432",
        "--max-feel-evaluation-time", "PT10S", "--max-feel-evaluation-size", "1073741824", "--max-feel-range",
        "5000000");
    EngineLimits limits = start.limits.toLimits();

    // then
    assertThat(limits.maxVariablesBytes()).isEqualTo(16_777_216L);
    assertThat(limits.maxCorrelationKeyLength()).isEqualTo(8_192);
    assertThat(limits.maxMessageNameLength()).isEqualTo(2_048);
    assertThat(limits.maxSignalNameLength()).isEqualTo(3_000);
    assertThat(limits.model().maxExpressionLength()).isEqualTo(65_536);
    assertThat(limits.model().maxExpressionNesting()).isEqualTo(500);
    assertThat(limits.model().maxElements()).isEqualTo(200_000);
    assertThat(limits.maxDeploymentBytes()).isEqualTo(33_554_432L);
    assertThat(limits.feel().maxTime()).isEqualTo(Duration.ofSeconds(10));
    assertThat(limits.feel().maxAllocatedBytes()).isEqualTo(1_073_741_824L);
    assertThat(limits.feel().maxRangeItems()).isEqualTo(5_000_000L);
    assertThat(limits.maxMessageIdLength()).isEqualTo(EngineLimits.defaults().maxMessageIdLength());
  }

  @Test
  void shouldListLimitFlagsInHelp() {
    // given
    StringWriter help = new StringWriter();

    // when
    new CommandLine(new EngineCommand.Start()).usage(new PrintWriter(help));

    // then
    assertThat(help.toString()).contains("Limits (see docs/engine/limits.md)", "--max-variables-size",
        "--max-expression-length", "--max-feel-evaluation-time");
  }

  @Test
  void shouldRefuseNonPositiveLimitNamingIt() {
    // given
    EngineCommand.Start start = new EngineCommand.Start();
    new CommandLine(start).parseArgs("--max-variables-size", "0");

    // when / then
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> start.limits.toLimits()))
        .hasMessageContaining("maxVariablesBytes").hasMessageContaining("positive");
  }
}
