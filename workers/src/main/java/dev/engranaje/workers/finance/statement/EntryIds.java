package dev.engranaje.workers.finance.statement;

import java.util.HashSet;
import java.util.Set;

/**
 * Gives each entry of one file a stable id, unique within the file.
 *
 * <p>The id is the bank's own reference where it gives one (camt {@code Ntry/AcctSvcrRef}, MT940
 * the {@code //} reference of {@code :61:}, an export's reference column). Where it gives none, the
 * id is generated from the statement id and the entry's 1-based position in the statement:
 * {@code <statementId>/<n>} (e.g. {@code 253EURNL26VAYB8060476890/3}); the same file always yields
 * the same ids. An id already taken in the file (a bank reusing a reference, or {@code NONREF})
 * gets {@code #2}, {@code #3}, … appended in file order. Not thread-safe: one per file.
 */
public final class EntryIds {
  private final Set<String> taken = new HashSet<>();

  /** The id of the {@code position}-th (1-based) entry of statement {@code statementId}. */
  public String next(String bankReference, String statementId, int position) {
    String base = bankReference == null || bankReference.isBlank() || bankReference.equalsIgnoreCase("NONREF")
        ? statementId + "/" + position : bankReference.trim();
    String id = base;
    for (int n = 2; !taken.add(id); n++) {
      id = base + "#" + n;
    }
    return id;
  }
}
