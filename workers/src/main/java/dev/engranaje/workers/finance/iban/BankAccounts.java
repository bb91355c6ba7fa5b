package dev.engranaje.workers.finance.iban;

import java.util.Locale;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.CountryCode;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * IBAN and BIC checks. Each check normalises first (spaces removed, upper case), then reports the
 * first problem found in this order: characters, country, length for that country, BBAN format of
 * that country, mod-97 check digits. Stateless and thread-safe.
 */
public final class BankAccounts {
  static final String EMPTY_IBAN = "Expected an IBAN, but the value is empty.";
  static final String IBAN_CHARACTERS =
      "Expected '%s' to be a valid IBAN, but it contains '%s'; an IBAN has only letters A-Z and digits.";
  static final String IBAN_COUNTRY =
      "Expected '%s' to be a valid IBAN, but '%s' is not a country that issues IBANs.";
  static final String IBAN_LENGTH =
      "Expected '%s' to be a valid IBAN, but it has %d characters where an IBAN of %s has %d.";
  static final String IBAN_CHECK_DIGITS =
      "Expected '%s' to be a valid IBAN, but its check digits are wrong (mod-97 check failed).";
  static final String IBAN_BBAN =
      "Expected '%s' to be a valid IBAN, but its account part does not follow the format of %s (%s).";
  static final String EMPTY_BIC = "Expected a BIC, but the value is empty.";
  static final String BIC_FORMAT =
      "Expected '%s' to be a valid BIC (4 letters or digits bank, 2 letters country, 2 letters or digits location, "
          + "optional 3 letters or digits branch), but %s.";

  private BankAccounts() {}

  /**
   * Checks an IBAN.
   *
   * @param iban the IBAN, in print (with spaces) or electronic form; {@code null} counts as empty
   * @return the outcome, never {@code null}
   */
  public static AccountCheck checkIban(String iban) {
    String input = iban == null ? "" : iban;
    String value = input.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    if (value.isEmpty()) {
      return new AccountCheck(input, value, EMPTY_IBAN);
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return new AccountCheck(input, value, IBAN_CHARACTERS.formatted(value, String.valueOf(c)));
      }
    }
    String country = value.length() >= 2 ? value.substring(0, 2) : value;
    CountryCode code = CountryCode.getByCode(country);
    if (code == null || !IbanUtil.isSupportedCountry(code)) {
      return new AccountCheck(input, value, IBAN_COUNTRY.formatted(value, country));
    }
    int expectedLength = IbanUtil.getIbanLength(code);
    if (value.length() != expectedLength) {
      return new AccountCheck(
          input, value, IBAN_LENGTH.formatted(value, value.length(), country, expectedLength));
    }
    try {
      IbanUtil.validate(value);
      return new AccountCheck(input, value, null);
    } catch (InvalidCheckDigitException e) {
      return new AccountCheck(input, value, IBAN_CHECK_DIGITS.formatted(value));
    } catch (IbanFormatException e) {
      String detail = e.getFormatViolation() == null ? "format" : describe(e);
      if (e.getFormatViolation() == IbanFormatException.IbanFormatViolation.CHECK_DIGIT_ONLY_DIGITS) {
        return new AccountCheck(input, value, IBAN_CHECK_DIGITS.formatted(value));
      }
      return new AccountCheck(input, value, IBAN_BBAN.formatted(value, country, detail));
    } catch (UnsupportedCountryException e) {
      return new AccountCheck(input, value, IBAN_COUNTRY.formatted(value, country));
    }
  }

  /**
   * Checks a BIC (BIC8 or BIC11).
   *
   * @param bic the BIC; {@code null} counts as empty
   * @return the outcome, never {@code null}
   */
  public static AccountCheck checkBic(String bic) {
    String input = bic == null ? "" : bic;
    String value = input.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    if (value.isEmpty()) {
      return new AccountCheck(input, value, EMPTY_BIC);
    }
    try {
      BicUtil.validate(value);
      return new AccountCheck(input, value, null);
    } catch (BicFormatException e) {
      return new AccountCheck(input, value, BIC_FORMAT.formatted(value, bicReason(e, value)));
    } catch (UnsupportedCountryException e) {
      return new AccountCheck(
          input, value, BIC_FORMAT.formatted(value, "'" + value.substring(4, 6) + "' is not a country code"));
    }
  }

  private static String describe(IbanFormatException e) {
    return switch (e.getFormatViolation()) {
      case BBAN_LENGTH -> "wrong length of the account part";
      case BBAN_ONLY_DIGITS -> "a part that must be digits has a letter";
      case BBAN_ONLY_UPPER_CASE_LETTERS -> "a part that must be letters has a digit";
      case BBAN_ONLY_DIGITS_OR_LETTERS -> "a part has a character that is neither letter nor digit";
      default -> e.getFormatViolation().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    };
  }

  private static String bicReason(BicFormatException e, String value) {
    if (e.getFormatViolation() == null) {
      return "it is malformed";
    }
    return switch (e.getFormatViolation()) {
      case BIC_LENGTH_8_OR_11 -> "it has " + value.length() + " characters instead of 8 or 11";
      case BANK_CODE_ONLY_ALPHANUMERIC, BIC_ONLY_UPPER_CASE_LETTERS -> "its bank code '"
          + value.substring(0, Math.min(4, value.length())) + "' is not 4 letters or digits";
      case COUNTRY_CODE_ONLY_UPPER_CASE_LETTERS -> "its country code '" + value.substring(4, 6)
          + "' is not 2 letters";
      case LOCATION_CODE_ONLY_LETTERS_OR_DIGITS -> "its location code '" + value.substring(6, 8)
          + "' is not letters or digits";
      case BRANCH_CODE_ONLY_LETTERS_OR_DIGITS -> "its branch code is not letters or digits";
      default -> "it is malformed";
    };
  }
}
