package dev.engranaje.workers.finance.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and hostile statement files: each is a {@link StatementException} naming the file and
 * the position, none hangs (the timeout is only a hang guard), and none reaches out: a local HTTP
 * server counts every request and a local secret file must never appear in a message.
 */
class MalformedStatementTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);
  private static final String CAMT02 = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";

  @TempDir Path directory;
  private final StatementReader reader = new StatementReader();
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;
  private String base;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      byte[] body = "<!ENTITY leaked 'LEAKED'>".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  private StatementException refuse(String name, byte[] content) throws IOException {
    Path file = directory.resolve(name);
    Files.write(file, content);
    StatementException refused = assertTimeoutPreemptively(HANG_GUARD,
        () -> catchThrowableOfType(StatementException.class, () -> reader.read(file, name, "auto")));
    assertThat(refused).as("refusal of %s", name).isNotNull();
    assertThat(refused.source()).isEqualTo(name);
    assertThat(refused.getMessage()).contains("'" + name + "'", refused.position());
    return refused;
  }

  private StatementException refuse(String name, String content) throws IOException {
    return refuse(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static String minimalCamt(String amount) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<Document xmlns=\"" + CAMT02 + "\">\n"
        + "<BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-27T08:00:00</CreDtTm></GrpHdr>\n"
        + "<Stmt><Id>S1</Id><CreDtTm>2026-11-27T08:00:00</CreDtTm>\n"
        + "<Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>\n"
        + "<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
        + "<Dt><Dt>2026-11-26</Dt></Dt></Bal>\n"
        + "<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">150.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
        + "<Dt><Dt>2026-11-27</Dt></Dt></Bal>\n"
        + "<Ntry><Amt Ccy=\"EUR\">" + amount + "</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>"
        + "<BookgDt><Dt>2026-11-27</Dt></BookgDt><ValDt><Dt>2026-11-27</Dt></ValDt><AcctSvcrRef>REF-1</AcctSvcrRef>"
        + "<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd></Ntry>\n"
        + "</Stmt></BkToCstmrStmt></Document>\n";
  }

  @Test
  void shouldParseTheMinimalDocumentWhenNothingIsWrong() throws Exception {
    Path file = directory.resolve("ok.xml");
    Files.writeString(file, minimalCamt("50.00"));

    StatementFile parsed = reader.read(file, "ok.xml", "auto");

    assertThat(parsed.statements().get(0).entries().get(0).entryId()).isEqualTo("REF-1");
    assertThat(BalanceCheck.problems(parsed)).isEmpty();
  }

  @Test
  void shouldNameLineAndColumnWhenAnAmountIsSchemaInvalid() throws IOException {
    StatementException refused = refuse("amount.xml", minimalCamt("12,50"));

    assertThat(refused.position()).startsWith("line 8, column ");
    assertThat(refused.getMessage()).contains("camt.053.001.02.xsd", "12,50");
  }

  @Test
  void shouldNameTheLineWhenTheDocumentIsTruncated() throws IOException {
    String whole = minimalCamt("50.00");
    StatementException refused = refuse("truncated.xml", whole.substring(0, whole.indexOf("<Ntry>") + 20));

    assertThat(refused.position()).matches("line 8, column \\d+");
    assertThat(refused.getMessage()).contains("well-formed");
  }

  @Test
  void shouldRefuseTheRootWhenTheNamespaceIsNotCamt() throws IOException {
    StatementException refused = refuse("pain.xml",
        minimalCamt("50.00").replace(CAMT02, "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"));

    assertThat(refused.position()).startsWith("line 2, column ");
    assertThat(refused.getMessage()).contains("pain.001.001.03", "camt.05x");
  }

  @Test
  void shouldRefuseAndNotFetchWhenADoctypeDeclaresAnExternalEntity() throws IOException {
    Path secret = Files.writeString(directory.resolve("secret.txt"), "TOP-SECRET-VALUE");
    String payload = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY web SYSTEM \"" + base + "/xxe\">"
        + "<!ENTITY file SYSTEM \"" + secret.toUri() + "\">]>\n"
        + minimalCamt("50.00").substring(minimalCamt("50.00").indexOf("<Document")).replace("<MsgId>M1", "<MsgId>&web;&file;");

    StatementException refused = refuse("xxe.xml", payload);

    assertThat(refused.position()).startsWith("line 2, column ");
    assertThat(refused.getMessage()).contains("DOCTYPE").doesNotContain("TOP-SECRET-VALUE", "LEAKED");
    assertThat(requests).hasValue(0);
  }

  @Test
  void shouldRefuseAndNotFetchWhenTheDoctypeNamesAnExternalDtd() throws IOException {
    String payload = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document SYSTEM \"" + base + "/evil.dtd\">\n"
        + minimalCamt("50.00").substring(minimalCamt("50.00").indexOf("<Document"));

    StatementException refused = refuse("dtd.xml", payload);

    assertThat(refused.getMessage()).contains("DOCTYPE");
    assertThat(requests).hasValue(0);
  }

  @Test
  void shouldNotFetchTheSchemaLocationWhenADocumentNamesOne() throws Exception {
    Path file = directory.resolve("located.xml");
    Files.writeString(file, minimalCamt("50.00").replace("<Document xmlns=\"" + CAMT02 + "\">",
        "<Document xmlns=\"" + CAMT02 + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " xsi:schemaLocation=\"" + CAMT02 + " " + base + "/camt.xsd\">"));

    StatementFile parsed = reader.read(file, "located.xml", "auto");

    assertThat(parsed.statements()).hasSize(1);
    assertThat(requests).hasValue(0);
  }

  @Test
  void shouldRefuseQuicklyWhenAnEntityBombIsDeclared() throws IOException {
    StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY l0 \"lol\">");
    for (int i = 1; i < 10; i++) {
      bomb.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    bomb.append("]>\n<Document xmlns=\"").append(CAMT02).append("\">&l9;</Document>");

    StatementException refused = refuse("bomb.xml", bomb.toString());

    assertThat(refused.getMessage()).contains("DOCTYPE");
  }

  @Test
  void shouldNameTheStatementLineWhenMt940LacksTheClosingBalance() throws IOException {
    StatementException refused = refuse("no62.sta", ":20:STMT1\n:25:NL91ABNA0417164300\n:28C:1/1\n"
        + ":60F:C261126EUR100,00\n:61:2611271127C50,00NTRFNONREF//B1\n:86:/REMI/Invoice 1\n-\n");

    assertThat(refused.position()).isEqualTo("line 1");
    assertThat(refused.getMessage()).contains(":62F:");
  }

  @Test
  void shouldNameTheLineWhenA61FieldIsBroken() throws IOException {
    StatementException refused = refuse("broken61.sta", ":20:STMT1\n:25:NL91ABNA0417164300\n:28C:1/1\n"
        + ":60F:C261126EUR100,00\n:61:2611271127C50,00NTRFNONREF//B1\n:61:26XX27X,,\n:62F:C261127EUR150,00\n-\n");

    assertThat(refused.position()).isEqualTo("line 6");
    assertThat(refused.getMessage()).contains(":61:");
  }

  @Test
  void shouldRefuseWhenTheFileIsBinaryGarbage() throws IOException {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    garbage[0] = 0x07;

    StatementException refused = refuse("garbage.bin", garbage);

    assertThat(refused.getMessage()).contains(":20:");
  }

  @Test
  void shouldRefuseWhenGarbageStartsLikeXml() throws IOException {
    byte[] garbage = new byte[4096];
    new Random(7).nextBytes(garbage);
    garbage[0] = '<';

    StatementException refused = refuse("garbage.xml", garbage);

    assertThat(refused.position()).startsWith("line 1");
  }

  @Test
  void shouldRefuseWhenTheFileIsEmpty() throws IOException {
    StatementException refused = refuse("empty.xml", new byte[0]);

    assertThat(refused.position()).isEqualTo("line 1");
    assertThat(refused.getMessage()).contains("empty");
  }
}
