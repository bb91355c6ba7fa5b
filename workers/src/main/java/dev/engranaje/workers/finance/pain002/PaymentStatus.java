package dev.engranaje.workers.finance.pain002;

/**
 * What a status report says about one payment of a run.
 *
 * @param endToEndId the payment
 * @param outcome accepted, rejected, pending or unknown
 * @param level where the decisive status was given: {@code TRANSACTION}, {@code PAYMENT_INFORMATION},
 *     {@code GROUP}, or {@code NONE}
 * @param statusCode the ISO status code, {@code null} when none applies
 * @param reasonCode the reason code (e.g. AC01), {@code null} when none
 * @param reasonText the additional information, or why the outcome is unknown; {@code null} when none
 */
public record PaymentStatus(
    String endToEndId, Outcome outcome, String level, String statusCode, String reasonCode, String reasonText) {}
