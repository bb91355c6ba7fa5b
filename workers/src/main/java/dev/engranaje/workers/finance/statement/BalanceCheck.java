package dev.engranaje.workers.finance.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that each statement adds up: opening balance + the booked entries = closing balance.
 * Pending and information entries are not counted; a statement without an opening or closing
 * balance (a camt.054 notification, an MT942 interim report) is not checked.
 */
public final class BalanceCheck {
  static final String UNBALANCED =
      "Expected statement '%s' in '%s' to add up (opening %s + booked entries %s = closing %s), but it is off by %s";

  private BalanceCheck() {}

  /** One message per statement that does not add up; empty when all do. */
  public static List<String> problems(StatementFile file) {
    List<String> problems = new ArrayList<>();
    for (BankStatement statement : file.statements()) {
      if (statement.opening() == null || statement.closing() == null) {
        continue;
      }
      BigDecimal booked = bookedTotal(statement);
      BigDecimal expected = statement.opening().amount().add(booked);
      BigDecimal difference = statement.closing().amount().subtract(expected);
      if (difference.signum() != 0) {
        problems.add(String.format(UNBALANCED, statement.statementId(), file.source(),
            statement.opening().amount().toPlainString(), booked.toPlainString(),
            statement.closing().amount().toPlainString(), difference.toPlainString()));
      }
    }
    return problems;
  }

  /** The sum of the statement's booked entries. */
  public static BigDecimal bookedTotal(BankStatement statement) {
    BigDecimal total = BigDecimal.ZERO;
    for (StatementEntry entry : statement.entries()) {
      if (entry.status() == EntryStatus.BOOKED) {
        total = total.add(entry.amount());
      }
    }
    return total;
  }
}
