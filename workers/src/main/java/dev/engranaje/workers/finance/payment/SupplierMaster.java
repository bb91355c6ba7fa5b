package dev.engranaje.workers.finance.payment;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.spreadsheet.TabularSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.util.CellReference;

/**
 * The supplier master (xlsx, xls or CSV, read with the spreadsheet readers, every cell as text so an
 * id like {@code 00042} keeps its zeros) and how an invoice's seller is found in it: by VAT id, else
 * by name when one side has no VAT id, else by IBAN. A master that is missing, unreadable, lacks a
 * required column or repeats a supplier id is a configuration problem: a permanent failure naming
 * the file (and row), never an invoice outcome. Immutable once read.
 */
public final class SupplierMaster {
  static final String MISSING = "Expected the supplier master '%s' in the workspace, but it does not exist; check"
      + " 'supplierMaster'";
  static final String UNREADABLE = "Expected a readable supplier master '%s', but: %s";
  static final String NO_COLUMN = "Expected a column '%s' (field '%s') in the supplier master '%s'%s, but its columns"
      + " are %s; rename the column or map it in 'supplierMapping'";
  static final String NO_ID = "Expected a supplier id in row %d of the supplier master '%s'%s, but the cell is empty";
  static final String REPEATED_ID = "Expected each supplier id once in the supplier master '%s'%s, but '%s' is in"
      + " rows %d and %d";

  private final List<Supplier> suppliers;
  private final Map<String, Supplier> byVatId = new HashMap<>();
  private final Map<String, List<Supplier>> byName = new HashMap<>();
  private final Map<String, List<Supplier>> byIban = new HashMap<>();

  SupplierMaster(List<Supplier> suppliers) {
    this.suppliers = List.copyOf(suppliers);
    for (Supplier supplier : this.suppliers) {
      if (supplier.vatId() != null) {
        byVatId.putIfAbsent(compact(supplier.vatId()), supplier);
      }
      byName.computeIfAbsent(nameKey(supplier.name()), k -> new ArrayList<>()).add(supplier);
      if (supplier.iban() != null) {
        byIban.computeIfAbsent(compact(supplier.iban()), k -> new ArrayList<>()).add(supplier);
      }
    }
  }

  /** Reads the master; {@code reference} names it in messages. */
  public static SupplierMaster read(Path file, String reference, SupplierMapping mapping) throws TechnicalFailure {
    if (!Files.isRegularFile(file)) {
      throw TechnicalFailure.permanent(MISSING.formatted(reference));
    }
    TabularSource.Layout all = new TabularSource.Layout(mapping.sheet(), mapping.sheetIndex(), mapping.headerRow(),
        Map.of(), Map.of(), mapping.locale().delimiter(), mapping.locale().quote(), mapping.locale().encoding(),
        null, null, List.of());
    List<String> headers;
    try (TabularSource source = TabularSource.open(file, reference, all)) {
      headers = source.fields();
    } catch (BusinessError e) {
      throw TechnicalFailure.permanent(UNREADABLE.formatted(reference, e.getMessage()), e);
    }
    Map<String, String> columns = new LinkedHashMap<>();
    Map<String, String> types = new LinkedHashMap<>();
    for (String field : SupplierMapping.FIELDS) {
      String header = header(headers, mapping.columns().get(field));
      if (header == null && SupplierMapping.REQUIRED.contains(field)) {
        throw TechnicalFailure.permanent(NO_COLUMN.formatted(mapping.columns().get(field), field, reference,
            mapping.sheet() == null ? "" : " sheet '" + mapping.sheet() + "'", headers));
      }
      if (header != null) {
        columns.put(header, field);
        types.put(field, "text");
      }
    }
    TabularSource.Layout layout = new TabularSource.Layout(mapping.sheet(), mapping.sheetIndex(), mapping.headerRow(),
        columns, types, mapping.locale().delimiter(), mapping.locale().quote(), mapping.locale().encoding(), null, null,
        List.of());
    List<Supplier> suppliers = new ArrayList<>();
    Map<String, Integer> rowById = new HashMap<>();
    try (TabularSource rows = TabularSource.open(file, reference, layout)) {
      String sheet = rows.sheetName() == null ? "" : " sheet '" + rows.sheetName() + "'";
      TabularSource.Row row;
      while ((row = rows.next()) != null) {
        Map<String, Object> values = row.values();
        String id = value(values, "supplierId");
        if (id == null) {
          throw TechnicalFailure.permanent(NO_ID.formatted(row.number(), reference, sheet));
        }
        Integer earlier = rowById.putIfAbsent(id, row.number());
        if (earlier != null) {
          throw TechnicalFailure.permanent(REPEATED_ID.formatted(reference, sheet, id, earlier, row.number()));
        }
        suppliers.add(new Supplier(id, value(values, "name"), value(values, "vatId"), value(values, "iban"),
            value(values, "bic"), value(values, "email"), value(values, "country"), row.number()));
      }
    } catch (BusinessError e) {
      throw TechnicalFailure.permanent(UNREADABLE.formatted(reference, e.getMessage()), e);
    }
    return new SupplierMaster(suppliers);
  }

  // the header as the file writes it, matched ignoring case, or the header of a column letter
  private static String header(List<String> headers, String wanted) {
    for (String header : headers) {
      if (header.equalsIgnoreCase(wanted)) {
        return header;
      }
    }
    if (wanted.matches("[A-Z]{1,3}")) {
      int index = CellReference.convertColStringToIndex(wanted);
      return index < headers.size() ? headers.get(index) : null;
    }
    return null;
  }

  private static String value(Map<String, Object> values, String field) {
    Object value = values.get(field);
    if (value == null) {
      return null;
    }
    String text = value.toString().strip();
    return text.isEmpty() ? null : text;
  }

  /** All suppliers, in file order. */
  public List<Supplier> suppliers() {
    return suppliers;
  }

  /**
   * The supplier who issued an invoice: the one with the seller's VAT id; else, when the invoice or
   * the master gives no VAT id, the only one with the seller's name (case, spaces and punctuation
   * ignored); else the only one with the invoice's IBAN. Empty when none or several fit.
   */
  public Optional<Supplier> find(String vatId, String name, String iban) {
    if (vatId != null && byVatId.containsKey(compact(vatId))) {
      return Optional.of(byVatId.get(compact(vatId)));
    }
    if (name != null) {
      List<Supplier> named = byName.getOrDefault(nameKey(name), List.of()).stream()
          .filter(s -> vatId == null || s.vatId() == null).toList();
      if (named.size() == 1) {
        return Optional.of(named.get(0));
      }
    }
    if (iban != null) {
      List<Supplier> paid = byIban.getOrDefault(compact(iban), List.of()).stream()
          .filter(s -> vatId == null || s.vatId() == null || compact(s.vatId()).equals(compact(vatId))).toList();
      if (paid.size() == 1) {
        return Optional.of(paid.get(0));
      }
    }
    return Optional.empty();
  }

  static String compact(String value) {
    return value.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
  }

  static String nameKey(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }
}
