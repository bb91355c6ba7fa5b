package dev.engranaje.workers.finance.pain002;

import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.workers.finance.pain001.CreditTransfer;
import dev.engranaje.workers.finance.pain001.DebtorAccount;
import dev.engranaje.workers.finance.pain001.Pain001File;
import dev.engranaje.workers.finance.pain001.Pain001Reader;
import dev.engranaje.workers.finance.pain001.Pain001Version;
import dev.engranaje.workers.finance.pain001.Pain001Writer;
import dev.engranaje.workers.finance.pain001.PaymentRun;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusMatcherTest {
  private static final DebtorAccount A = new DebtorAccount("Engranaje GmbH", "DE89370400440532013000", "COBADEFFXXX");
  private static final DebtorAccount B = new DebtorAccount("Engranaje GmbH", "DE02120300000000202051", "BYLADEM1001");
  @TempDir Path directory;
  private Pain001File file;

  @BeforeEach
  void writeRun() {
    LocalDate day = LocalDate.of(2026, 12, 14);
    file = new Pain001Writer(Pain001Version.V03).write(new PaymentRun("RUN-7", OffsetDateTime.of(2026, 12, 7, 8, 0, 0, 0, ZoneOffset.UTC),
        "Engranaje GmbH", List.of(pay("P-1", A, day), pay("P-2", A, day), pay("P-3", B, day))), directory.resolve("run.xml"));
  }

  @Test
  void shouldSayPerPaymentAcceptedRejectedOrUnknownWhenTheBankReportsPartially() {
    // given: batch RUN-7/1 (account B, P-3) accepted; batch RUN-7/2 partial with P-2 rejected AC04 and P-1 not listed
    Pain002Report report = report("""
        <OrgnlGrpInfAndSts><OrgnlMsgId>RUN-7</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>
        <OrgnlPmtInfAndSts><OrgnlPmtInfId>RUN-7/1</OrgnlPmtInfId><PmtInfSts>ACSC</PmtInfSts></OrgnlPmtInfAndSts>
        <OrgnlPmtInfAndSts><OrgnlPmtInfId>RUN-7/2</OrgnlPmtInfId><PmtInfSts>PART</PmtInfSts>
          <TxInfAndSts><OrgnlEndToEndId>P-2</OrgnlEndToEndId><TxSts>RJCT</TxSts>
            <StsRsnInf><Rsn><Cd>AC04</Cd></Rsn><AddtlInf>Account closed</AddtlInf></StsRsnInf></TxInfAndSts>
          <TxInfAndSts><OrgnlEndToEndId>P-99</OrgnlEndToEndId><TxSts>ACSC</TxSts></TxInfAndSts>
        </OrgnlPmtInfAndSts>""");

    // when
    StatusMatcher.Match match = StatusMatcher.match(StatusMatcher.Run.of(file), report);

    // then
    assertThat(match.payments()).containsExactly(
        new PaymentStatus("P-3", Outcome.ACCEPTED, "PAYMENT_INFORMATION", "ACSC", null, null),
        new PaymentStatus("P-1", Outcome.UNKNOWN, "NONE", null, null, StatusMatcher.NOT_REPORTED),
        new PaymentStatus("P-2", Outcome.REJECTED, "TRANSACTION", "RJCT", "AC04", "Account closed"));
    assertThat(match.unknownEndToEndIds()).containsExactly("P-99");
  }

  @Test
  void shouldRejectEveryPaymentWhenTheGroupIsRejected() {
    Pain002Report report = report("""
        <OrgnlGrpInfAndSts><OrgnlMsgId>RUN-7</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>RJCT</GrpSts>
        <StsRsnInf><Rsn><Cd>DU01</Cd></Rsn><AddtlInf>Duplicate message id</AddtlInf></StsRsnInf></OrgnlGrpInfAndSts>""");

    StatusMatcher.Match match = StatusMatcher.match(StatusMatcher.Run.of(file), report);

    assertThat(match.payments()).hasSize(3).allSatisfy(p -> {
      assertThat(p.outcome()).isEqualTo(Outcome.REJECTED);
      assertThat(p.level()).isEqualTo("GROUP");
      assertThat(p.reasonCode()).isEqualTo("DU01");
    });
  }

  @Test
  void shouldMatchTheFileReadBackFromDiskLikeTheReleasedOne() {
    Pain002Report report = report("""
        <OrgnlGrpInfAndSts><OrgnlMsgId>RUN-7</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId><GrpSts>ACTC</GrpSts></OrgnlGrpInfAndSts>""");

    StatusMatcher.Run fromDisk = StatusMatcher.Run.of(new Pain001Reader().read(file.path()));

    assertThat(fromDisk).isEqualTo(StatusMatcher.Run.of(file));
    assertThat(StatusMatcher.match(fromDisk, report).payments()).extracting(PaymentStatus::outcome)
        .containsOnly(Outcome.ACCEPTED);
  }

  @Test
  void shouldLeaveEveryPaymentUnknownWhenTheReportAnswersAnotherMessage() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/finance/pain002/nordea-pain_002_v3_group_reject.xml")) {
      Pain002Report other = new Pain002Reader().read(in, "nordea");

      StatusMatcher.Match match = StatusMatcher.match(new StatusMatcher.Run("RUN-7", Map.of("RUN-7/1", List.of("P-1"))), other);

      assertThat(match.payments()).containsExactly(new PaymentStatus("P-1", Outcome.UNKNOWN, "NONE", null, null,
          StatusMatcher.OTHER_MESSAGE.formatted("RUN-7", "MSGID-PS-TEST-0708-01")));
    }
  }

  @Test
  void shouldKeepAPaymentPendingWhenTheBankHasNotDecided() {
    Pain002Report report = report("""
        <OrgnlGrpInfAndSts><OrgnlMsgId>RUN-7</OrgnlMsgId><OrgnlMsgNmId>pain.001.001.03</OrgnlMsgNmId></OrgnlGrpInfAndSts>
        <OrgnlPmtInfAndSts><OrgnlPmtInfId>RUN-7/2</OrgnlPmtInfId><TxInfAndSts><OrgnlEndToEndId>P-1</OrgnlEndToEndId><TxSts>PDNG</TxSts></TxInfAndSts></OrgnlPmtInfAndSts>""");

    assertThat(StatusMatcher.match(StatusMatcher.Run.of(file), report).payments()).extracting(PaymentStatus::endToEndId, PaymentStatus::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("P-3", Outcome.UNKNOWN), org.assertj.core.groups.Tuple.tuple("P-1", Outcome.PENDING),
            org.assertj.core.groups.Tuple.tuple("P-2", Outcome.UNKNOWN));
  }

  private static Pain002Report report(String body) {
    String xml = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.03\"><CstmrPmtStsRpt><GrpHdr><MsgId>STS-1</MsgId>"
        + "<CreDtTm>2026-12-14T10:00:00</CreDtTm></GrpHdr>" + body + "</CstmrPmtStsRpt></Document>";
    return new Pain002Reader().read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "status.xml");
  }

  private static CreditTransfer pay(String id, DebtorAccount debtor, LocalDate day) {
    return new CreditTransfer(id, debtor, day, "Supplier " + id, "NL91ABNA0417164300", null, new BigDecimal("10.00"), "EUR", "Inv " + id, null);
  }
}
