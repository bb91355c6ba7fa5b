package dev.engranaje.workers.mail;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.SideEffectInDoubt;
import dev.engranaje.workers.mail.MessageReader.ReadMail;
import dev.engranaje.workers.workspace.Workspace;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;

/**
 * Fetches messages from an IMAP folder (plain, SSL or STARTTLS) with filters, saves each one's
 * bodies and attachments to the workspace under {@code <targetDirectory>/<folder>/<uidvalidity>-<uid>/}
 * (with the raw {@code message.eml} as evidence), then marks them seen or moves them.
 *
 * <p>Messages are downloaded without being marked read; the marking and moving run inside {@link
 * JobContext#once}, so a job delivered again after a crash returns the recorded list instead of
 * fetching a different one, and a crash while marking or moving becomes an incident (the mailbox may
 * be half changed) rather than a silent loss.
 *
 * <p>Errors: BPMN error {@code MAIL_TOO_LARGE} when {@code oversized} is {@code fail}; a refused
 * login, a TLS or STARTTLS problem or a missing folder are permanent failures (incidents); an
 * unreachable server is retried.
 *
 * <p>Thread-safe. Run at most one fetch per mailbox folder at a time (maxJobsActive 1): two
 * concurrent fetches would see the same unseen messages.
 */
@JobType("rpa:mail.fetch:1")
public final class FetchMailWorker implements JobWorker<FetchMailInput, FetchMailResult> {
  static final String MARK_IN_DOUBT =
      "Expected to mark or move messages %s in folder '%s' on the %s, but %s; check which of them are"
          + " marked seen or moved";

  private final MailSettings settings;

  /** With the JVM's trust store and default timeouts. */
  public FetchMailWorker() {
    this(MailSettings.defaults());
  }

  public FetchMailWorker(MailSettings settings) {
    this.settings = settings;
  }

  @Override
  public Class<FetchMailInput> inputType() {
    return FetchMailInput.class;
  }

  @Override
  public FetchMailResult handle(FetchMailInput input, JobContext context) throws Exception {
    MailServer server = MailServer.imap(input.host(), input.port(), input.security(), input.username(), input.password());
    server.checkDestination(context.secrets());
    FetchOptions options = FetchOptions.of(input);
    String key = context.idempotencyKey();
    if (context.ledger().find(key).isPresent()) {
      // fetched before: the recorded result, or an in-doubt incident; the mailbox is not touched
      return context.once(key, FetchMailResult.class, () -> {
        throw new IllegalStateException("Expected a recorded fetch for '" + key + "', but it vanished");
      });
    }
    try (ImapMailbox mailbox = ImapMailbox.open(server, settings, options.folder(), options.changesMailbox())) {
      if (options.moveTo() != null) {
        mailbox.requireFolder(options.moveTo());
      }
      Fetched fetched = collect(server, mailbox, options, context.workspace());
      return context.once(key, FetchMailResult.class, () -> {
        finish(server, mailbox, options, fetched);
        return new FetchMailResult(fetched.mails(), fetched.mails().size(), fetched.skipped());
      });
    }
  }

  private record Fetched(List<Message> messages, List<FetchedMail> mails, List<SkippedMail> skipped) {}

  private Fetched collect(MailServer server, ImapMailbox mailbox, FetchOptions options, Workspace workspace)
      throws BusinessError, TechnicalFailure, MessagingException, IOException {
    MessageReader reader = new MessageReader(server.session(settings), workspace);
    String folderDirectory = options.targetDirectory() + "/" + safeFolder(options.folder()) + "/" + mailbox.uidValidity();
    List<Message> accepted = new ArrayList<>();
    List<FetchedMail> mails = new ArrayList<>();
    List<SkippedMail> skipped = new ArrayList<>();
    for (Message message : mailbox.search(options.searchTerm())) {
      if (accepted.size() >= options.maxMessages()) {
        break;
      }
      long uid = mailbox.uid(message);
      Instant received = instant(message.getReceivedDate());
      if (options.since() != null && received != null && received.isBefore(options.since())) {
        continue;
      }
      long size = message.getSize();
      if (size > options.maxMessageBytes()) {
        BusinessError tooLarge = options.oversized(uid, size);
        if (tooLarge != null) {
          throw tooLarge;
        }
        if (skipped.size() < options.maxMessages()) {
          skipped.add(new SkippedMail(uid, from(message), subject(message), size, options.skipReason(size)));
        }
        continue;
      }
      Path directory = freshDirectory(workspace, folderDirectory + "-" + uid);
      Path eml = directory.resolve("message.eml");
      mailbox.download(message, eml);
      ReadMail read = reader.read(eml, directory);
      if (options.hasAttachment() && read.attachments().isEmpty()) {
        deleteRecursively(directory);
        continue;
      }
      if (!options.keepOriginal()) {
        Files.delete(eml);
      }
      accepted.add(message);
      mails.add(new FetchedMail(uid, read.messageId(), read.from(), read.to(), read.subject(),
          read.date() != null ? read.date() : received, received, Files.exists(eml) ? Files.size(eml) : size,
          read.snippet(), options.keepOriginal() ? workspace.reference(eml) : null, read.textBody(), read.htmlBody(),
          read.attachments(), read.warnings()));
    }
    return new Fetched(accepted, mails, skipped);
  }

  private static void finish(MailServer server, ImapMailbox mailbox, FetchOptions options, Fetched fetched)
      throws SideEffectInDoubt {
    try {
      if (options.markSeen()) {
        mailbox.markSeen(fetched.messages());
      }
      if (options.moveTo() != null) {
        mailbox.move(fetched.messages(), options.moveTo());
      }
    } catch (MessagingException | RuntimeException failed) {
      List<Long> uids = fetched.mails().stream().map(FetchedMail::uid).toList();
      throw new SideEffectInDoubt(String.format(MARK_IN_DOUBT, uids, options.folder(), server.describe(),
          MailFailures.reason(failed)), failed);
    }
  }

  // A message fetched again (after a failed attempt) replaces what was saved the first time.
  private static Path freshDirectory(Workspace workspace, String reference) throws TechnicalFailure, IOException {
    Path directory = workspace.resolveForWriting(reference + "/message.eml").getParent();
    deleteRecursively(directory);
    return Files.createDirectories(directory);
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  private static String safeFolder(String folder) {
    String safe = AttachmentNames.safe(folder.replace('/', '_').replace('\\', '_'));
    return safe == null ? "folder" : safe;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String from(Message message) {
    try {
      jakarta.mail.Address[] from = message.getFrom();
      if (from == null || from.length == 0) {
        return null;
      }
      return from[0] instanceof jakarta.mail.internet.InternetAddress address ? address.toUnicodeString() : from[0].toString();
    } catch (MessagingException unreadable) {
      return null;
    }
  }

  private static String subject(Message message) {
    try {
      return message.getSubject();
    } catch (MessagingException unreadable) {
      return null;
    }
  }
}
