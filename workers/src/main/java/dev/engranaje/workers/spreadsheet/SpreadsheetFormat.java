package dev.engranaje.workers.spreadsheet;

import dev.engranaje.workers.api.TechnicalFailure;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.poifs.filesystem.FileMagic;

/**
 * The kinds of file the spreadsheet workers read and write, told apart by content first (a renamed
 * file is still recognised) and by extension for the text formats.
 */
enum SpreadsheetFormat {
  XLSX,
  XLS,
  CSV,
  JSON_LINES;

  static final String UNSUPPORTED =
      "Expected an xlsx, xls, csv or jsonl file, but '%s' is %s; save it as .xlsx (Excel Workbook) or .csv"
          + " and retry";
  static final String CANNOT_OPEN = "Expected a readable spreadsheet, but '%s' cannot be opened: %s";

  /** The format a file to be read has, from its first bytes and its name. */
  static SpreadsheetFormat detect(Path file, String reference) throws TechnicalFailure {
    FileMagic magic;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      magic = FileMagic.valueOf(FileMagic.prepareToCheckMagic(in));
    } catch (IOException e) {
      throw TechnicalFailure.permanent(String.format(CANNOT_OPEN, reference, e.getMessage()), e);
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return switch (magic) {
      case OOXML -> {
        if (name.endsWith(".xlsb")) {
          throw TechnicalFailure.permanent(String.format(UNSUPPORTED, reference, "an Excel binary workbook (xlsb)"));
        }
        yield XLSX;
      }
      case OLE2 -> XLS;
      case BIFF2, BIFF3, BIFF4 ->
          throw TechnicalFailure.permanent(String.format(UNSUPPORTED, reference, "an Excel 2-4 workbook (" + magic + ")"));
      case PDF, HTML, JPEG, GIF, PNG, TIFF, WMF, EMF, BMP, RTF, MSWRITE, WORD2 ->
          throw TechnicalFailure.permanent(String.format(UNSUPPORTED, reference, "a " + magic + " file"));
      default -> byName(name, reference);
    };
  }

  /** The format a file to be written gets, from its extension. */
  static SpreadsheetFormat forWriting(String reference) throws TechnicalFailure {
    String name = reference.toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx")) {
      return XLSX;
    }
    if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
      return CSV;
    }
    throw TechnicalFailure.permanent(String.format(UNSUPPORTED, reference, "not named .xlsx or .csv"));
  }

  private static SpreadsheetFormat byName(String name, String reference) throws TechnicalFailure {
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return JSON_LINES;
    }
    if (name.endsWith(".xlsx") || name.endsWith(".xlsm") || name.endsWith(".xls") || name.endsWith(".xlsb")) {
      throw TechnicalFailure.permanent(String.format(UNSUPPORTED, reference,
          "named like a workbook but its content is not one (truncated, or another format renamed)"));
    }
    return CSV;
  }
}
