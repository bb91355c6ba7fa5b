package dev.engranaje.examples.bankportal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.workers.finance.pain001.Pain001Version;
import dev.engranaje.workers.finance.pain002.Outcome;
import dev.engranaje.workers.finance.pain002.Pain002Reader;
import dev.engranaje.workers.finance.pain002.Pain002Report;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BankPortalPaymentsTest {
  private static final String PASSWORD = "Portal-Pass-8812";

  private BankPortal portal;
  private HttpClient http;

  @BeforeEach
  void start() throws IOException {
    portal = BankPortal.start(PASSWORD, List.of());
    portal.closeAccount(PaymentFiles.CLOSED_ACCOUNT);
    http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  @Test
  void shouldAcceptAValidPaymentFileAndAnswerItWithAPain002RejectingTheClosedAccountWithAc04() throws Exception {
    // given
    signIn();

    // when
    HttpResponse<String> receipt = upload("run-1.xml", PaymentFiles.twoPayments("MSG-RUN-1", Pain001Version.V09), csrf());
    HttpResponse<String> list = get("/payments");
    String link = find(list.body(), "class=\"status-report\" href=\"([^\"]+)\"").replace("&amp;", "&");
    HttpResponse<byte[]> status = http.send(HttpRequest.newBuilder(portal.url().resolve(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
    Pain002Report report = new Pain002Reader().read(new ByteArrayInputStream(status.body()), "pain002.xml");

    // then
    assertThat(receipt.statusCode()).isEqualTo(200);
    assertThat(find(receipt.body(), "id=\"upload-id\">([^<]+)<")).isEqualTo("UPL-00001");
    assertThat(find(receipt.body(), "id=\"message-id\">([^<]+)<")).isEqualTo("MSG-RUN-1");
    assertThat(list.body()).contains("data-message-id=\"MSG-RUN-1\"", "Partly accepted", "1545.67");
    assertThat(status.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"pain002-MSG-RUN-1.xml\"");
    assertThat(report.namespace()).endsWith("pain.002.001.10");
    assertThat(report.originalMessageId()).isEqualTo("MSG-RUN-1");
    assertThat(report.groupStatus().code()).isEqualTo("PART");
    List<Pain002Report.TransactionStatus> transactions = report.paymentInformation().get(0).transactions();
    assertThat(transactions).extracting(Pain002Report.TransactionStatus::originalEndToEndId).containsExactly("E2E-1", "E2E-2");
    assertThat(transactions.get(0).status().outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(transactions.get(1).status().outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(transactions.get(1).status().reasonCode()).isEqualTo("AC04");
    assertThat(portal.statusDownloads()).isEqualTo(1);
  }

  @Test
  void shouldAnswerAVersion03FileWithAVersion03StatusReport() throws Exception {
    // given
    signIn();

    // when
    upload("run-3.xml", PaymentFiles.twoPayments("MSG-RUN-3", Pain001Version.V03), csrf());

    // then
    Pain002Report report = new Pain002Reader().read(new ByteArrayInputStream(portal.uploads().get(0).statusReport()), "pain002.xml");
    assertThat(report.namespace()).endsWith("pain.002.001.03");
    assertThat(report.paymentInformation().get(0).transactions().get(1).status().reasonCode()).isEqualTo("AC04");
  }

  @Test
  void shouldRefuseAFileThatBreaksTheSchemaNamingTheFileAndThePosition() throws Exception {
    // given
    signIn();
    String valid = new String(PaymentFiles.twoPayments("MSG-BAD", Pain001Version.V09), StandardCharsets.UTF_8);
    byte[] broken = valid.replace(PaymentFiles.OPEN_ACCOUNT, "NOT-AN-IBAN").getBytes(StandardCharsets.UTF_8);

    // when
    HttpResponse<String> response = upload("bad.xml", broken, csrf());

    // then
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("id=\"upload-refused\"", "bad.xml", "pain.001.001.09", "line ", "NOT-AN-IBAN");
    assertThat(portal.uploads()).isEmpty();
  }

  @Test
  void shouldRefuseAFileWithADtdBeforeReadingIt() throws Exception {
    // given
    signIn();
    String valid = new String(PaymentFiles.twoPayments("MSG-DTD", Pain001Version.V09), StandardCharsets.UTF_8);
    byte[] hostile = valid.replaceFirst("\\?>", "?><!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")
        .getBytes(StandardCharsets.UTF_8);

    // when
    HttpResponse<String> response = upload("dtd.xml", hostile, csrf());

    // then
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("dtd.xml").doesNotContain("root:");
    assertThat(portal.uploads()).isEmpty();
  }

  @Test
  void shouldRefuseASecondFileWithTheSameMessageId() throws Exception {
    // given
    signIn();
    byte[] file = PaymentFiles.twoPayments("MSG-TWICE", Pain001Version.V09);
    upload("once.xml", file, csrf());

    // when
    HttpResponse<String> again = upload("twice.xml", file, csrf());

    // then
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("id=\"upload-duplicate\"", "MSG-TWICE");
    assertThat(portal.uploads()).hasSize(1);
    assertThat(portal.uploadAttempts()).isEqualTo(2);
  }

  @Test
  void shouldRefuseAnUploadWithoutTheSessionsCsrfToken() throws Exception {
    // given
    signIn();

    // when
    HttpResponse<String> response = upload("run.xml", PaymentFiles.twoPayments("MSG-CSRF", Pain001Version.V09), "0000");

    // then
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(portal.uploads()).isEmpty();
  }

  private void signIn() throws Exception {
    String token = find(get("/login").body(), "name=\"csrf\" value=\"([0-9a-f]+)\"");
    String form = "csrf=" + token + "&user=" + BankPortal.USER + "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
    http.send(HttpRequest.newBuilder(portal.url().resolve("/login")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private String csrf() throws Exception {
    return find(get("/payments").body(), "name=\"csrf\" value=\"([0-9a-f]+)\"");
  }

  private HttpResponse<String> upload(String name, byte[] file, String token) throws Exception {
    String boundary = "----test-boundary-42";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + token + "\r\n--" + boundary
        + "\r\nContent-Disposition: form-data; name=\"paymentFile\"; filename=\"" + name
        + "\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(portal.url().resolve("/payments/upload"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(portal.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String find(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as("'%s' in %s", regex, text).isTrue();
    return matcher.group(1);
  }
}
