package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.BusinessError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Which sheet of a workbook to read: by name, by 1-based index, or (neither given) the first
 * visible sheet — hidden sheets are skipped because a person opening the file does not see them.
 */
record SheetSelector(String name, Integer index) {
  static final String SHEET_NOT_FOUND = "SHEET_NOT_FOUND";
  static final String NO_SUCH_SHEET = "Expected a sheet %s in '%s', but it has sheets %s";
  static final String NO_VISIBLE_SHEET = "Expected a visible sheet in '%s', but all its sheets %s are hidden";

  static final SheetSelector FIRST_VISIBLE = new SheetSelector(null, null);

  /** The 0-based index of the selected sheet. */
  int resolve(Workbook workbook, String reference) throws BusinessError {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
      names.add(workbook.getSheetName(i));
    }
    return resolve(names, i -> workbook.isSheetHidden(i) || workbook.isSheetVeryHidden(i), reference);
  }

  /** The 0-based index of the selected sheet among {@code names}. */
  int resolve(List<String> names, IntPredicate hidden, String reference) throws BusinessError {
    if (name != null && !name.isBlank()) {
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).equalsIgnoreCase(name)) {
          return i;
        }
      }
      throw notFound("named '" + name + "'", names, reference);
    }
    if (index != null) {
      if (index < 1 || index > names.size()) {
        throw notFound("number " + index, names, reference);
      }
      return index - 1;
    }
    for (int i = 0; i < names.size(); i++) {
      if (!hidden.test(i)) {
        return i;
      }
    }
    throw new BusinessError(SHEET_NOT_FOUND, String.format(NO_VISIBLE_SHEET, reference, quoted(names)));
  }

  private static BusinessError notFound(String what, List<String> names, String reference) {
    return new BusinessError(SHEET_NOT_FOUND, String.format(NO_SUCH_SHEET, what, reference, quoted(names)));
  }

  private static List<String> quoted(List<String> names) {
    return names.stream().map(n -> "'" + n + "'").toList();
  }
}
