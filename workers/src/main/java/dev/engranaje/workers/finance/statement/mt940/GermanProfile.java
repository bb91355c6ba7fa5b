package dev.engranaje.workers.finance.statement.mt940;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code german}: {@code GVC} then subfields {@code <sep>NN value}: {@code 00} posting text,
 * {@code 20}–{@code 29} and {@code 60}–{@code 63} purpose (joined without a separator, banks wrap
 * at 27 characters), {@code 30} bank code or BIC, {@code 31} account or IBAN, {@code 32}/{@code 33}
 * name. Inside the purpose, SEPA keys {@code EREF+} (end-to-end id) and {@code SVWZ+} (remittance)
 * are honoured; without {@code SVWZ+} the whole purpose is the remittance.
 */
final class GermanProfile implements Mt86Profile {
  private static final Pattern SEPA_KEY = Pattern.compile("(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|IBAN|BIC|COAM|OAMT)\\+");

  @Override
  public Mt86Fields parse(List<String> lines) {
    String text = String.join("", lines).trim();
    if (text.length() < 4 || !Character.isDigit(text.charAt(0))) {
      return new PlainProfile().parse(lines);
    }
    String code = text.substring(0, 3);
    char separator = text.charAt(3);
    Map<Integer, StringBuilder> fields = new TreeMap<>();
    int i = 3;
    while (i < text.length()) {
      if (text.charAt(i) == separator && i + 2 < text.length() && Character.isDigit(text.charAt(i + 1))
          && Character.isDigit(text.charAt(i + 2))) {
        int number = Integer.parseInt(text.substring(i + 1, i + 3));
        int end = text.indexOf(separator, i + 3);
        while (end >= 0 && !(end + 2 < text.length() && Character.isDigit(text.charAt(end + 1))
            && Character.isDigit(text.charAt(end + 2)))) {
          end = text.indexOf(separator, end + 1);
        }
        String value = text.substring(i + 3, end < 0 ? text.length() : end);
        fields.computeIfAbsent(number, n -> new StringBuilder()).append(value);
        i = end < 0 ? text.length() : end;
      } else {
        i++;
      }
    }
    StringBuilder purpose = new StringBuilder();
    for (Map.Entry<Integer, StringBuilder> field : fields.entrySet()) {
      int n = field.getKey();
      if (n >= 20 && n <= 29 || n >= 60 && n <= 63) {
        purpose.append(field.getValue());
      }
    }
    String endToEnd = null;
    String remittance = purpose.toString().trim();
    List<int[]> keys = new ArrayList<>();
    Matcher m = SEPA_KEY.matcher(remittance);
    while (m.find()) {
      keys.add(new int[] {m.start(), m.end()});
    }
    String svwz = null;
    for (int k = 0; k < keys.size(); k++) {
      String key = remittance.substring(keys.get(k)[0], keys.get(k)[1] - 1);
      int valueEnd = k + 1 < keys.size() ? keys.get(k + 1)[0] : remittance.length();
      String value = remittance.substring(keys.get(k)[1], valueEnd).trim();
      if (key.equals("EREF") && endToEnd == null && !value.equals("NOTPROVIDED")) {
        endToEnd = value;
      } else if (key.equals("SVWZ") && svwz == null) {
        svwz = value;
      }
    }
    String name = (text(fields, 32) + text(fields, 33)).trim();
    return new Mt86Fields(endToEnd, svwz != null ? svwz : remittance.isEmpty() ? text(fields, 0).trim() : remittance,
        name.isEmpty() ? null : name, blankToNull(text(fields, 31)), blankToNull(text(fields, 30)), code);
  }

  private static String text(Map<Integer, StringBuilder> fields, int n) {
    StringBuilder value = fields.get(n);
    return value == null ? "" : value.toString();
  }

  private static String blankToNull(String value) {
    return value.isBlank() ? null : value.trim();
  }
}
