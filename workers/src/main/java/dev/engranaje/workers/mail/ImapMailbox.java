package dev.engranaje.workers.mail;

import dev.engranaje.workers.api.TechnicalFailure;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.SearchTerm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * One open IMAP folder: search, download raw messages without marking them read, then mark them
 * seen or move them. Opened read-write only when the fetch changes flags or moves messages.
 *
 * <p>Not thread-safe; one per job, closed after use.
 */
final class ImapMailbox implements AutoCloseable {
  static final String NO_FOLDER = "Expected folder '%s' on the %s, but there is no such folder; %s";

  private final MailServer server;
  private final Store store;
  private final Folder folder;

  private ImapMailbox(MailServer server, Store store, Folder folder) {
    this.server = server;
    this.store = store;
    this.folder = folder;
  }

  static ImapMailbox open(MailServer server, MailSettings settings, String folderName, boolean writable)
      throws TechnicalFailure, MessagingException {
    Store store = server.session(settings).getStore("imap");
    try {
      if (server.login()) {
        store.connect(server.host(), server.port(), server.username(), server.password().reveal());
      } else {
        store.connect(server.host(), server.port(), null, null);
      }
    } catch (MessagingException failed) {
      throw MailFailures.connecting(server, failed);
    }
    try {
      Folder folder = store.getFolder(folderName);
      if (!folder.exists()) {
        throw TechnicalFailure.permanent(String.format(NO_FOLDER, folderName, server.describe(),
            "check input 'folder' (names are case-sensitive except INBOX)"));
      }
      folder.open(writable ? Folder.READ_WRITE : Folder.READ_ONLY);
      return new ImapMailbox(server, store, folder);
    } catch (TechnicalFailure | MessagingException | RuntimeException failed) {
      store.close();
      throw failed;
    }
  }

  /** Fails when {@code name} is not an existing folder, before anything is fetched. */
  void requireFolder(String name) throws TechnicalFailure, MessagingException {
    if (!store.getFolder(name).exists()) {
      throw TechnicalFailure.permanent(String.format(NO_FOLDER, name, server.describe(),
          "create it or change input 'moveTo'"));
    }
  }

  /** Messages matching {@code term} (all when null), oldest (lowest UID) first. */
  List<Message> search(SearchTerm term) throws MessagingException {
    Message[] found = term == null ? folder.getMessages() : folder.search(term);
    FetchProfile headers = new FetchProfile();
    headers.add(UIDFolder.FetchProfileItem.UID);
    headers.add(FetchProfile.Item.SIZE);
    headers.add(FetchProfile.Item.ENVELOPE);
    folder.fetch(found, headers);
    UIDFolder uids = (UIDFolder) folder;
    return Arrays.stream(found).sorted(Comparator.comparingLong(m -> uid(uids, m))).toList();
  }

  long uid(Message message) throws MessagingException {
    return ((UIDFolder) folder).getUID(message);
  }

  long uidValidity() throws MessagingException {
    return ((UIDFolder) folder).getUIDValidity();
  }

  /** Writes the raw message (RFC 822 bytes as stored) to {@code file}; does not set \Seen. */
  void download(Message message, Path file) throws MessagingException, IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      message.writeTo(out);
    }
  }

  void markSeen(List<Message> messages) throws MessagingException {
    if (!messages.isEmpty()) {
      folder.setFlags(messages.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
    }
  }

  /** Moves with IMAP MOVE where offered, else copies, flags as deleted and expunges. */
  void move(List<Message> messages, String target) throws MessagingException {
    if (messages.isEmpty()) {
      return;
    }
    Message[] batch = messages.toArray(Message[]::new);
    Folder destination = store.getFolder(target);
    if (store instanceof IMAPStore imap && imap.hasCapability("MOVE") && folder instanceof IMAPFolder source) {
      source.moveMessages(batch, destination);
    } else {
      folder.copyMessages(batch, destination);
      folder.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
      folder.expunge();
    }
  }

  private static long uid(UIDFolder folder, Message message) {
    try {
      return folder.getUID(message);
    } catch (MessagingException e) {
      return Long.MAX_VALUE;
    }
  }

  @Override
  public void close() throws MessagingException {
    try {
      if (folder.isOpen()) {
        folder.close(false);
      }
    } finally {
      store.close();
    }
  }
}
