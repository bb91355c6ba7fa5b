package dev.engranaje.workers.finance.bankupload;

import dev.engranaje.workers.api.BusinessError;
import dev.engranaje.workers.api.Secret;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.ledger.SideEffectInDoubt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One signed-in conversation with the bank portal over HTTP, as its forms expect it: the session
 * cookie, the per-session CSRF token taken from each form's hidden {@code csrf} field, and the
 * upload as {@code multipart/form-data}. Redirects are not followed, so the password and the
 * session never go to another host. Not thread-safe: one per upload.
 */
final class PortalSession {
  static final String UNREACHABLE = "Expected the bank portal at %s to answer, but %s; nothing was uploaded, the job is retried";
  static final String UNAVAILABLE = "Expected the bank portal page %s to answer 200, but it answered %d%s; nothing was uploaded, the job is retried";
  static final String NO_FORM = "Expected the bank portal page %s to hold a form with a hidden 'csrf' field, but it has none; the portal may have changed";
  static final String LOGIN_REFUSED = "Expected the bank portal at %s to accept user '%s' with secret %s, but it refused the login (%d); check the user and the secret";
  static final String NO_RECEIPT = "Expected the bank portal's answer to the upload of message %s to show an upload id (#upload-id), but it answered %d without one";

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\"\\s+value=\"([^\"]+)\"");
  private static final Pattern FIELD = Pattern.compile("id=\"%s\">([^<]*)<");
  private static final Pattern PARAGRAPH = Pattern.compile("<p>([^<]*)</p>");

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;

  PortalSession(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(timeout).build();
  }

  /** Signs in; every failure here happens before any upload, so it is certain nothing was sent. */
  void signIn(String user, Secret password) throws TechnicalFailure, InterruptedException {
    String token = csrfOf("/login");
    String form = "csrf=" + encode(token) + "&user=" + encode(user) + "&password=" + encode(password.reveal());
    HttpResponse<String> response = beforeUpload(HttpRequest.newBuilder(base.resolve("/login")).timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    if (response.statusCode() != 303) {
      throw TechnicalFailure.permanent(String.format(LOGIN_REFUSED, base, user, password, response.statusCode()));
    }
  }

  /**
   * Posts the file from the payments page's upload form. Once the request may have left, a broken
   * connection or an unexpected answer leaves the upload in doubt.
   *
   * @throws BusinessError {@code PAYMENT_FILE_REFUSED} when the bank refused the file (nothing executed), with
   *     the variable {@code paymentFileRefusal} holding the bank's reason
   */
  UploadReceipt upload(String fileName, byte[] file, String messageId)
      throws TechnicalFailure, BusinessError, SideEffectInDoubt, InterruptedException {
    String token = csrfOf("/payments");
    String boundary = "----engranaje" + HexFormat.of().formatHex(randomBytes());
    byte[] body = multipart(boundary, token, fileName, file);
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/payments/upload")).timeout(timeout)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException | HttpConnectTimeoutException notConnected) {
      throw TechnicalFailure.retryable(String.format(UNREACHABLE, base, notConnected), notConnected);
    } catch (IOException broken) {
      throw new SideEffectInDoubt("the connection broke while uploading message " + messageId + " to " + base
          + " (" + broken + "): the bank may have received it; look for it on the portal's payments page", broken);
    }
    int status = response.statusCode();
    if (status == 422 || status == 413) {
      String refusal = "The bank refused payment file '" + fileName + "' (message " + messageId + "): "
          + paragraph(response.body()).orElse("status " + status);
      throw new BusinessError("PAYMENT_FILE_REFUSED", refusal, Map.of("paymentFileRefusal", refusal));
    }
    if (status == 409) {
      throw TechnicalFailure.permanent("Expected the bank to receive message " + messageId + " for the first time, but it"
          + " already has it (" + paragraph(response.body()).orElse("409") + "): it was uploaded outside this ledger."
          + " Do not re-send; check the portal's payments page and settle the instance by hand");
    }
    if (status == 503) {
      throw TechnicalFailure.retryable(String.format(UNAVAILABLE, "/payments/upload", status, " (maintenance)"), null);
    }
    Optional<String> uploadId = field(response.body(), "upload-id");
    if (status != 200 || uploadId.isEmpty()) {
      throw new SideEffectInDoubt(String.format(NO_RECEIPT, messageId, status), null);
    }
    return new UploadReceipt(uploadId.get(), field(response.body(), "message-id").orElse(messageId),
        field(response.body(), "received-at").orElse(""));
  }

  private String csrfOf(String path) throws TechnicalFailure, InterruptedException {
    HttpResponse<String> page = beforeUpload(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build());
    if (page.statusCode() != 200) {
      throw TechnicalFailure.retryable(String.format(UNAVAILABLE, path, page.statusCode(),
          page.statusCode() == 303 ? " (a redirect: not signed in)" : ""), null);
    }
    Matcher matcher = CSRF.matcher(page.body());
    if (!matcher.find()) {
      throw TechnicalFailure.permanent(String.format(NO_FORM, path));
    }
    return matcher.group(1);
  }

  private HttpResponse<String> beforeUpload(HttpRequest request) throws TechnicalFailure, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw TechnicalFailure.retryable(String.format(UNREACHABLE, base, e), e);
    }
  }

  private static byte[] multipart(String boundary, String token, String fileName, byte[] file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token + "\r\n"
        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"paymentFile\"; filename=\""
        + fileName.replace("\"", "_") + "\"\r\nContent-Type: application/xml\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(file);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static Optional<String> field(String html, String id) {
    Matcher matcher = Pattern.compile(String.format(FIELD.pattern(), Pattern.quote(id))).matcher(html);
    return matcher.find() ? Optional.of(unescape(matcher.group(1).strip())) : Optional.empty();
  }

  private static Optional<String> paragraph(String html) {
    Matcher matcher = PARAGRAPH.matcher(html);
    return matcher.find() ? Optional.of(unescape(matcher.group(1).strip())) : Optional.empty();
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[12];
    new SecureRandom().nextBytes(bytes);
    return bytes;
  }
}
