package dev.engranaje.cli.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * CPU time this JVM has used (engine and client together), for figures that hold when other
 * processes share the machine: a rate falls with the CPU share left, the CPU cost per unit does not.
 */
final class ProcessCpu {
  private ProcessCpu() {}

  /** CPU nanoseconds used by this process so far, or -1 where the JVM does not tell. */
  static long nanos() {
    OperatingSystemMXBean bean = ManagementFactory.getOperatingSystemMXBean();
    return bean instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
  }
}
