package dev.engranaje.workers.finance.pain002;

/**
 * A status given at one level of a report, with its first reason.
 *
 * @param code the ISO status code (ACCP, ACSC, ACSP, ACTC, ACWC, PART, PDNG, RCVD, RJCT, …);
 *     {@code null} when the level carries reasons or children but no status of its own
 * @param reasonCode StsRsnInf/Rsn/Cd (or Prtry), e.g. AC01, AM04, DU01, NARR; {@code null} when none
 * @param additionalInformation every StsRsnInf/AddtlInf of the level joined by a space; {@code null} when none
 */
public record Status(String code, String reasonCode, String additionalInformation) {
  /** No status at this level. */
  public static final Status NONE = new Status(null, null, null);

  /** The outcome class of the code. */
  public Outcome outcome() {
    if (code == null) {
      return Outcome.UNKNOWN;
    }
    return switch (code) {
      case "RJCT" -> Outcome.REJECTED;
      case "PDNG", "RCVD" -> Outcome.PENDING;
      case "ACCP", "ACSC", "ACSP", "ACTC", "ACWC", "ACWP", "ACCC", "ACFC" -> Outcome.ACCEPTED;
      default -> Outcome.UNKNOWN;
    };
  }
}
