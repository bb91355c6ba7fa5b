package dev.engranaje.examples;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * GreenMail whose SMTP server refuses chosen recipients at {@code RCPT TO} with a permanent
 * {@code 550 5.1.1} reply, as a real server does for a mailbox that does not exist: a scenario can
 * show a model's path for a refused mail over real SMTP. Every other recipient is accepted and
 * stored as usual.
 */
public final class RefusingGreenMail extends GreenMail {
  static final String REFUSAL = "550 5.1.1 <%s>: recipient address rejected: mailbox unavailable";

  // filled after construction: GreenMail builds its services from its constructor already
  private final Set<String> refused = ConcurrentHashMap.newKeySet();

  public RefusingGreenMail(ServerSetup[] setups) {
    super(setups);
  }

  /** From now on, mail to {@code address} is refused. */
  public void refuse(String address) {
    refused.add(address.toLowerCase(Locale.ROOT));
  }

  @Override
  protected Map<String, AbstractServer> createServices(ServerSetup[] setups, Managers managers) {
    return super.createServices(setups, new RefusingManagers(managers));
  }

  private final class RefusingManagers extends Managers {
    private final Managers delegate;
    private final SmtpManager smtp;

    RefusingManagers(Managers delegate) {
      this.delegate = delegate;
      this.smtp = new RefusingSmtpManager(delegate.getImapHostManager(), delegate.getUserManager());
    }

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }

    @Override
    public UserManager getUserManager() {
      return delegate.getUserManager();
    }

    @Override
    public ImapHostManager getImapHostManager() {
      return delegate.getImapHostManager();
    }
  }

  private final class RefusingSmtpManager extends SmtpManager {
    RefusingSmtpManager(ImapHostManager imap, UserManager users) {
      super(imap, users);
    }

    @Override
    public String checkRecipient(SmtpState state, MailAddress recipient) {
      // refused is null while the superclass constructor builds the first set of services
      if (refused != null && refused.contains(recipient.getEmail().toLowerCase(Locale.ROOT))) {
        return String.format(REFUSAL, recipient.getEmail());
      }
      return super.checkRecipient(state, recipient);
    }
  }
}
