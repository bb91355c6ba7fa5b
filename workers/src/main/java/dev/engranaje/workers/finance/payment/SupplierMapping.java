package dev.engranaje.workers.finance.payment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.engranaje.workers.finance.mapping.FileLocale;
import dev.engranaje.workers.finance.mapping.MappingFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which column of the supplier master holds what. Without a mapping file the headers are the field
 * names themselves ({@code supplierId, name, vatId, iban, bic, email, country}, matched ignoring
 * case). A mapping file (YAML) renames them and says how the file is written:
 *
 * <pre>
 * sheet: Lieferanten        # or sheetIndex: 2; default the first visible sheet
 * headerRow: 1
 * columns:                  # field: header text (or column letter); supplierId, name and iban are required
 *   supplierId: Kreditor
 *   name: Name
 *   vatId: USt-IdNr.
 *   iban: IBAN
 *   bic: BIC
 *   email: E-Mail
 *   country: Land
 * locale:
 *   delimiter: ";"
 *   encoding: windows-1252
 * </pre>
 *
 * @param columns field to header, for every field (defaults filled in)
 */
public record SupplierMapping(String sheet, Integer sheetIndex, int headerRow, Map<String, String> columns,
    FileLocale locale) {

  /** The fields, in documented order. */
  public static final List<String> FIELDS = List.of("supplierId", "name", "vatId", "iban", "bic", "email", "country");
  /** The fields a master must have a column for. */
  public static final Set<String> REQUIRED = Set.of("supplierId", "name", "iban");
  static final Set<String> TOP_KEYS = Set.of("sheet", "sheetIndex", "headerRow", "columns", "locale");
  static final String PREFIX = "Invalid supplier mapping '%s': ";
  static final String BOTH_SHEETS = "Expected 'sheet' or 'sheetIndex', but both are given";

  public SupplierMapping {
    columns = Map.copyOf(columns);
  }

  /** The headers are the field names. */
  public static final SupplierMapping DEFAULT = new SupplierMapping(null, null, 1, defaults(), FileLocale.DEFAULTS);

  private static Map<String, String> defaults() {
    Map<String, String> columns = new LinkedHashMap<>();
    FIELDS.forEach(field -> columns.put(field, field));
    return columns;
  }

  /** Reads a mapping file; {@code source} names it in messages. A bad file is an {@link IllegalArgumentException}. */
  public static SupplierMapping read(Path file, String source) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), source);
    } catch (IOException e) {
      throw new IllegalArgumentException(PREFIX.formatted(source) + "it cannot be read: " + e.getMessage(), e);
    }
  }

  /** Parses a mapping given as YAML text. */
  public static SupplierMapping parse(String yaml, String source) {
    try {
      JsonNode root = MappingFile.root(yaml);
      MappingFile.requireKeys(root, TOP_KEYS, "");
      Map<String, String> columns = defaults();
      JsonNode given = MappingFile.object(root, "columns", "columns");
      if (given != null) {
        MappingFile.requireKeys(given, Set.copyOf(FIELDS), "columns.");
        for (String field : FIELDS) {
          String header = MappingFile.text(given, field, "columns." + field);
          if (header != null) {
            columns.put(field, header);
          }
        }
      }
      String sheet = MappingFile.text(root, "sheet", "sheet");
      Integer sheetIndex = MappingFile.number(root, "sheetIndex", 1);
      if (sheet != null && sheetIndex != null) {
        throw new IllegalArgumentException(BOTH_SHEETS);
      }
      Integer headerRow = MappingFile.number(root, "headerRow", 1);
      return new SupplierMapping(sheet, sheetIndex, headerRow == null ? 1 : headerRow, columns,
          MappingFile.locale(root));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PREFIX.formatted(source) + e.getMessage(), e);
    }
  }
}
