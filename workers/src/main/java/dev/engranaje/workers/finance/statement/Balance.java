package dev.engranaje.workers.finance.statement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A balance on a day; {@code amount} is signed (negative for an overdrawn account).
 */
public record Balance(BigDecimal amount, LocalDate date) {}
