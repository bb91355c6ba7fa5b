package dev.engranaje.examples.bankportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BankPortalTest {
  private static final String PASSWORD = "Portal-Pass-8812";
  private static final byte[] CAMT = "<Document/>".getBytes(StandardCharsets.UTF_8);
  private static final byte[] MT940 = ":20:S1\r\n-\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private BankPortal portal;
  private HttpClient http;

  @BeforeEach
  void start() throws IOException {
    portal = BankPortal.start(PASSWORD, List.of(new PortalStatement("STMT-1", LocalDate.of(2026, 11, 30),
        "DE89370400440532013000", 2, CAMT, MT940)));
    http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  @AfterEach
  void stop() {
    portal.close();
  }

  @Test
  void shouldDownloadBothFormatsWhenSignedInWithTheSessionsCsrfToken() throws Exception {
    // given
    signIn(PASSWORD);
    HttpResponse<String> list = get("/statements");
    String token = find(list.body(), "name=\"csrf-token\" content=\"([0-9a-f]+)\"");
    HttpResponse<String> json = http.send(HttpRequest.newBuilder(portal.url().resolve("/api/statements"))
        .header("X-CSRF-Token", token).build(), HttpResponse.BodyHandlers.ofString());

    // when
    HttpResponse<byte[]> camt = download("camt053", token);
    HttpResponse<byte[]> mt940 = download("mt940", token);

    // then
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("<tbody></tbody>").doesNotContain("STMT-1"); // the list is built by JavaScript
    assertThat(json.body()).contains("\"id\":\"STMT-1\"", "\"format\":\"camt053\"", "\"format\":\"mt940\"");
    assertThat(camt.body()).isEqualTo(CAMT);
    assertThat(camt.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"STMT-1.camt053.xml\"");
    assertThat(mt940.body()).isEqualTo(MT940);
    assertThat(portal.downloads()).isEqualTo(2);
  }

  @Test
  void shouldRefuseTheDownloadWhenTheCsrfTokenIsWrong() throws Exception {
    // given
    signIn(PASSWORD);

    // when
    HttpResponse<byte[]> response = download("camt053", "0000");

    // then
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(portal.downloads()).isZero();
  }

  @Test
  void shouldShowTheLoginErrorWithoutEchoingThePasswordWhenItIsWrong() throws Exception {
    // when
    HttpResponse<String> response = signIn("wrong-password-1");

    // then
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("class=\"login-error\"").doesNotContain("wrong-password-1");
    assertThat(get("/statements").body()).contains("id=\"login\"");
  }

  @Test
  void shouldRefuseTheLoginWhenTheFormCarriesNoCsrfToken() throws Exception {
    // given: a session, but a form posted without its token
    get("/login");

    // when
    HttpResponse<String> response = post("/login", "user=" + BankPortal.USER + "&password=" + PASSWORD);

    // then
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(get("/statements").body()).contains("id=\"login\"");
  }

  @Test
  void shouldAnswer503OnEveryPageWhenTheOutageIsOn() throws Exception {
    // given
    portal.outage(true);

    // when
    HttpResponse<String> response = get("/login");

    // then
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("id=\"outage\"");
    assertThat(portal.outageHits()).isEqualTo(1);
    portal.outage(false);
    assertThat(get("/login").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> signIn(String password) throws Exception {
    String token = find(get("/login").body(), "name=\"csrf\" value=\"([0-9a-f]+)\"");
    return post("/login", "csrf=" + token + "&user=" + BankPortal.USER + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> download(String format, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(portal.url().resolve("/statements/STMT-1/download?format=" + format
        + "&csrf=" + token)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(portal.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(portal.url() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String find(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    assertThat(matcher.find()).as(regex + " in " + text).isTrue();
    return matcher.group(1);
  }
}
