package dev.engranaje.workers.mail;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.TechnicalFailure;
import jakarta.mail.Flags;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.ReceivedDateTerm;
import jakarta.mail.search.SearchTerm;
import jakarta.mail.search.SubjectTerm;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * A {@link FetchMailInput} with its defaults applied and checked once, and the IMAP search it
 * stands for.
 */
record FetchOptions(
    String folder,
    boolean unseenOnly,
    String from,
    String subjectContains,
    Instant since,
    boolean hasAttachment,
    int maxMessages,
    long maxMessageBytes,
    boolean failOversized,
    boolean markSeen,
    String moveTo,
    boolean keepOriginal,
    String targetDirectory) {
  static final int DEFAULT_MAX_MESSAGES = 20;
  static final int LIMIT_MAX_MESSAGES = 500;
  static final long DEFAULT_MAX_BYTES = 25L * 1024 * 1024;
  static final String BAD_SINCE =
      "Expected input 'since' to be a date like 2026-11-01 or an instant like 2026-11-01T08:00:00Z, but got '%s'";
  static final String BAD_MAX = "Expected input 'maxMessages' between 1 and %d, but got %d";
  static final String BAD_MAX_BYTES = "Expected input 'maxMessageBytes' to be positive, but got %d";
  static final String BAD_OVERSIZED = "Expected input 'oversized' to be skip or fail, but got '%s'";
  static final String TOO_LARGE_CODE = "MAIL_TOO_LARGE";
  static final String TOO_LARGE =
      "Expected messages of at most %d bytes (input 'maxMessageBytes'), but message UID %d in folder '%s' has %d";

  static FetchOptions of(FetchMailInput input) throws TechnicalFailure {
    int max = input.maxMessages() == null ? DEFAULT_MAX_MESSAGES : input.maxMessages();
    if (max < 1 || max > LIMIT_MAX_MESSAGES) {
      throw TechnicalFailure.permanent(String.format(BAD_MAX, LIMIT_MAX_MESSAGES, max));
    }
    long maxBytes = input.maxMessageBytes() == null ? DEFAULT_MAX_BYTES : input.maxMessageBytes();
    if (maxBytes < 1) {
      throw TechnicalFailure.permanent(String.format(BAD_MAX_BYTES, maxBytes));
    }
    String oversized = blank(input.oversized()) ? "skip" : input.oversized().strip().toLowerCase(Locale.ROOT);
    if (!oversized.equals("skip") && !oversized.equals("fail")) {
      throw TechnicalFailure.permanent(String.format(BAD_OVERSIZED, input.oversized()));
    }
    return new FetchOptions(blank(input.folder()) ? "INBOX" : input.folder().strip(),
        input.unseenOnly() == null || input.unseenOnly(), blank(input.from()) ? null : input.from().strip(),
        blank(input.subjectContains()) ? null : input.subjectContains().strip(), since(input.since()),
        Boolean.TRUE.equals(input.hasAttachment()), max, maxBytes, oversized.equals("fail"),
        input.markSeen() == null || input.markSeen(), blank(input.moveTo()) ? null : input.moveTo().strip(),
        input.keepOriginal() == null || input.keepOriginal(),
        blank(input.targetDirectory()) ? "mail" : input.targetDirectory().strip());
  }

  /** True when the fetch changes the mailbox (so the folder is opened read-write). */
  boolean changesMailbox() {
    return markSeen || moveTo != null;
  }

  /** The server-side search; null for every message. Received dates are checked exactly afterwards. */
  SearchTerm searchTerm() {
    List<SearchTerm> terms = new ArrayList<>();
    if (unseenOnly) {
      terms.add(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
    }
    if (from != null) {
      terms.add(new FromStringTerm(from));
    }
    if (subjectContains != null) {
      terms.add(new SubjectTerm(subjectContains));
    }
    if (since != null) {
      // IMAP SINCE compares whole days; the exact instant is checked on each message
      terms.add(new ReceivedDateTerm(ComparisonTerm.GE, Date.from(since.minusSeconds(86_400))));
    }
    return switch (terms.size()) {
      case 0 -> null;
      case 1 -> terms.get(0);
      default -> new AndTerm(terms.toArray(SearchTerm[]::new));
    };
  }

  /** A message over {@link #maxMessageBytes}: a BPMN error when so configured, else null (skip it). */
  BusinessError oversized(long uid, long size) {
    return failOversized
        ? new BusinessError(TOO_LARGE_CODE, String.format(TOO_LARGE, maxMessageBytes, uid, folder, size)) : null;
  }

  String skipReason(long size) {
    return "larger than maxMessageBytes (" + size + " > " + maxMessageBytes + " bytes)";
  }

  private static Instant since(String value) throws TechnicalFailure {
    if (blank(value)) {
      return null;
    }
    String text = value.strip();
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw TechnicalFailure.permanent(String.format(BAD_SINCE, value));
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
