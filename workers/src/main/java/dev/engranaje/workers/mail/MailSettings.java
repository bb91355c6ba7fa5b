package dev.engranaje.workers.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the mail workers connect, set by whoever runs the workers (not by the process model): the TLS
 * socket factory and the timeouts. Server identity is always verified; a private mail server with
 * its own certificate authority is trusted with {@link #trusting(Path)}, never by switching checks
 * off.
 *
 * <p>Immutable. Defaults: the JVM's trust store, 30 s to connect, 60 s per read or write.
 *
 * @param socketFactory creates the TLS sockets for SSL and STARTTLS
 * @param connectTimeout how long to wait for a connection
 * @param timeout how long to wait for each read or write on an open connection
 */
public record MailSettings(SSLSocketFactory socketFactory, Duration connectTimeout, Duration timeout) {

  public MailSettings {
    if (socketFactory == null || connectTimeout.isNegative() || connectTimeout.isZero() || timeout.isNegative()
        || timeout.isZero()) {
      throw new IllegalArgumentException(
          "Expected a socket factory and positive timeouts, but got " + connectTimeout + " and " + timeout);
    }
  }

  /** The JVM's default trust store and the default timeouts. */
  public static MailSettings defaults() {
    try {
      return new MailSettings(SSLContext.getDefault().getSocketFactory(), Duration.ofSeconds(30), Duration.ofSeconds(60));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Expected the JVM to provide a default TLS context, but it does not", e);
    }
  }

  /**
   * Trusts exactly the certificates (or certificate authorities) in a PEM or DER file, in addition to
   * nothing else: for a company mail server whose certificate the public trust store does not know.
   */
  public static MailSettings trusting(Path certificates) throws IOException, GeneralSecurityException {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    Collection<? extends Certificate> loaded;
    try (InputStream in = Files.newInputStream(certificates)) {
      loaded = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (loaded.isEmpty()) {
      throw new GeneralSecurityException("Expected X.509 certificates in " + certificates + ", but it has none");
    }
    int index = 0;
    for (Certificate certificate : loaded) {
      trusted.setCertificateEntry("trusted-" + index++, certificate);
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    MailSettings defaults = defaults();
    return new MailSettings(context.getSocketFactory(), defaults.connectTimeout(), defaults.timeout());
  }

  public MailSettings withTimeouts(Duration connect, Duration readOrWrite) {
    return new MailSettings(socketFactory, connect, readOrWrite);
  }
}
