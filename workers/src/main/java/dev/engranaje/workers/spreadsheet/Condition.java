package dev.engranaje.workers.spreadsheet;

/**
 * One test on a row's field, as given in the model, e.g. {@code {"column": "Amount", "operator":
 * "greaterThan", "value": 1000}}.
 *
 * @param column the field name (after renaming)
 * @param operator one of {@code equals}, {@code notEquals}, {@code contains}, {@code startsWith},
 *     {@code endsWith}, {@code greaterThan}, {@code greaterOrEqual}, {@code lessThan}, {@code
 *     lessOrEqual}, {@code isEmpty}, {@code isNotEmpty}, {@code in} (value is a list)
 * @param value what to compare with; numbers compare as exact decimals, dates as ISO text
 * @param ignoreCase compare text without regard to case (default false)
 */
public record Condition(String column, String operator, Object value, Boolean ignoreCase) {}
