package dev.engranaje.workers.finance.statement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScratchDumpTest {
  @Test
  void dump() throws Exception {
    String dirs = System.getProperty("dump.dirs", "camt053,camt054");
    for (String dir : dirs.split(",")) {
      try (Stream<Path> files = Files.list(Path.of("src/test/resources/finance", dir)).sorted()) {
        for (Path f : (Iterable<Path>) files::iterator) {
          try {
            StatementFile s = new StatementReader().read(f, f.getFileName().toString(), "auto");
            System.out.println("OK " + f.getFileName() + " " + s.format() + " " + BalanceCheck.problems(s));
            for (BankStatement b : s.statements()) {
              System.out.println("   " + b.statementId() + " seq=" + b.sequence() + " " + b.accountId() + " " + b.currency() + " " + b.opening() + " " + b.closing() + " n=" + b.entries().size());
              if (!b.entries().isEmpty()) System.out.println("     " + b.entries().get(0));
            }
          } catch (StatementException e) {
            System.out.println("ERR " + e.getMessage());
          }
        }
      }
    }
  }
}
