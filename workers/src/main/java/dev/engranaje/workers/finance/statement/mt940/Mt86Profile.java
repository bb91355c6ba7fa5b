package dev.engranaje.workers.finance.statement.mt940;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How one bank structures the free text of {@code :86:}, since banks differ. Built-in profiles:
 * <ul>
 *   <li>{@code slash}: Dutch/SEPA keyword style {@code /EREF/…/REMI/…/NAME/…/IBAN/…/BIC/…}
 *       (Rabobank, ING, ABN AMRO SEPA, Bunq…), also {@code /CNTP/IBAN/BIC/NAME/…/}; only known
 *       keywords split the text, so a value may itself contain {@code /};
 *   <li>{@code german}: the ZKA/DK structure {@code GVC?00text?10…?20…?29 purpose ?30 bank ?31
 *       account ?32/?33 name ?34…?60…?63} (any one-character separator, e.g. {@code ?} or
 *       {@code >}), with SEPA keys {@code EREF+}, {@code SVWZ+} inside the purpose;
 *   <li>{@code plain}: the whole text is the remittance text;
 *   <li>{@code auto} (default): {@code german} when the text starts with a three-digit code and a
 *       subfield, {@code slash} when it starts with a known keyword, else {@code plain}.
 * </ul>
 * Implementations are stateless and thread-safe.
 */
public interface Mt86Profile {
  /** Names of the built-in profiles. */
  String NAMES = "auto, slash, german, plain";

  /**
   * Parses the field's text; continuation lines are already joined without a separator (banks wrap
   * at a fixed width, mid-word), except in {@code plain} where lines are joined with a space.
   *
   * @param lines the field's lines as delivered
   */
  Mt86Fields parse(java.util.List<String> lines);

  /** The built-in profile of that name (case-insensitive); throws for an unknown name. */
  static Mt86Profile named(String name) {
    String key = name == null || name.isBlank() ? "auto" : name.trim().toLowerCase(Locale.ROOT);
    return switch (key) {
      case "auto" -> Auto.INSTANCE;
      case "slash" -> new SlashProfile();
      case "german" -> new GermanProfile();
      case "plain" -> new PlainProfile();
      default -> throw new IllegalArgumentException(
          "Expected an MT940 :86: profile " + NAMES + ", but got '" + name + "'");
    };
  }

  /** Chooses per field. */
  final class Auto implements Mt86Profile {
    static final Auto INSTANCE = new Auto();
    private static final Pattern GERMAN = Pattern.compile("^\\d{3}[?>]\\d\\d.*", Pattern.DOTALL);
    private final Mt86Profile german = new GermanProfile();
    private final Mt86Profile slash = new SlashProfile();
    private final Mt86Profile plain = new PlainProfile();

    private Auto() {}

    @Override
    public Mt86Fields parse(java.util.List<String> lines) {
      String joined = String.join("", lines).trim();
      if (GERMAN.matcher(joined).matches()) {
        return german.parse(lines);
      }
      if (SlashProfile.startsWithKeyword(joined)) {
        return slash.parse(lines);
      }
      return plain.parse(lines);
    }
  }
}
