package dev.engranaje.workers.finance.statement.mt940;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code slash}: {@code /KEY/value} pairs where only known keywords start a new pair, so values may
 * contain {@code /} (a remittance {@code NR.201303-111/11.3.2013}). Counterparty from {@code
 * /NAME/}, {@code /IBAN/}, {@code /BIC/} or the positional {@code /CNTP/IBAN/BIC/NAME/CITY/}.
 */
final class SlashProfile implements Mt86Profile {
  static final Set<String> KEYWORDS = Set.of("EREF", "REMI", "NAME", "IBAN", "BIC", "ORDP", "BENM", "CNTP",
      "MARF", "CSID", "ISDT", "RTRN", "TRCD", "PREF", "KREF", "ULTC", "ULTD", "ULTB", "PURP", "ID", "ADDR",
      "BUSP", "CDTRREF", "CDTRREFTP", "CODE", "ISSR", "OCMT", "CHGS", "EXCH", "TRTP", "SVCL", "IREF");
  private static final Pattern KEY = Pattern.compile("/([A-Z]{2,9})/");

  static boolean startsWithKeyword(String text) {
    Matcher m = KEY.matcher(text);
    return m.lookingAt() && KEYWORDS.contains(m.group(1));
  }

  @Override
  public Mt86Fields parse(List<String> lines) {
    String text = String.join("", lines).trim();
    Map<String, String> values = new HashMap<>();
    Matcher m = KEY.matcher(text);
    String key = null;
    int valueStart = 0;
    int from = 0;
    while (m.find(from)) {
      if (!KEYWORDS.contains(m.group(1))) {
        from = m.start() + 1;
        continue;
      }
      if (key != null) {
        values.putIfAbsent(key, text.substring(valueStart, m.start()));
      }
      key = m.group(1);
      valueStart = m.end();
      from = m.end() - 1;
    }
    if (key != null) {
      values.putIfAbsent(key, text.substring(valueStart));
    }
    if (values.isEmpty()) {
      return new PlainProfile().parse(lines);
    }
    String name = clean(values.get("NAME"));
    String iban = clean(values.get("IBAN"));
    String bic = clean(values.get("BIC"));
    String counterparty = values.get("CNTP");
    if (counterparty != null) {
      String[] parts = counterparty.split("/", -1);
      iban = iban != null ? iban : part(parts, 0);
      bic = bic != null ? bic : part(parts, 1);
      name = name != null ? name : part(parts, 2);
    }
    String remittance = values.containsKey("REMI") ? remittance(values.get("REMI")) : text;
    return new Mt86Fields(clean(values.get("EREF")), remittance, name, iban, bic, null);
  }

  // ING and ABN AMRO: /REMI/USTD//free text/ or /REMI/STRD/CUR/reference/
  private static String remittance(String value) {
    String v = value;
    if (v == null) {
      return null;
    }
    if (v.startsWith("USTD//")) {
      v = v.substring(6);
    } else if (v.startsWith("STRD/CUR/")) {
      v = v.substring(9);
    }
    return clean(v);
  }

  private static String part(String[] parts, int i) {
    return i < parts.length ? clean(parts[i]) : null;
  }

  private static String clean(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    while (v.endsWith("/")) {
      v = v.substring(0, v.length() - 1).trim();
    }
    return v.isEmpty() || v.equals("NOTPROVIDED") ? null : v;
  }
}
