package dev.engranaje.workers.finance.pain002;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pain002ReaderCorpusTest {
  private final Pain002Reader reader = new Pain002Reader();

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", value = {
      // file, report MsgId, OrgnlMsgId, group status, group reason, PmtInf blocks, transactions, first PmtInf status, first tx status, first tx reason
      "goldmansachs-pain_002_v3_accepted.xml, 1036XXX, 10280093XXXX, -, -, 1, 1, -, ACCP, NARR",
      "goldmansachs-pain_002_v3_group_accepted.xml, 13991356, CLIENT NAME_2023-09-06:04, ACTC, -, 0, 0, -, -, -",
      "moov-valid_pain.002.001.11.xml, MsgId, OrgnlMsgId, -, -, 0, 0, -, -, -",
      "nordea-pain_002_v3_group_reject.xml, XML990920150810101909283, MSGID-PS-TEST-0708-01, RJCT, DU01, 0, 0, -, -, -",
      "nordea-pain_002_v3_payment_reject.xml, XML990920150717170814238, MSGID-COM-SCE25-1707-01, -, -, 1, 0, RJCT, -, -",
      "nordea-pain_002_v3_txn_reject.xml, XML990920150728124014189, MSGID-950-TEST2-2807-01, -, -, 1, 2, RJCT, RJCT, NARR",
      "postfinance-pain002-chdd-accp.xml, 20180313375204216308259, MsgId-CHDD-Musterfile, -, -, 1, 0, ACCP, -, -",
      "postfinance-pain002-epo-actc.xml, 20180315375204222821684, MsgId-001, ACTC, -, 0, 0, -, -, -",
      "postfinance-pain002-epo-rjct.xml, 20180326375204011678275, MsgId-006, -, -, 1, 1, RJCT, RJCT, AC01"})
  void shouldReadEveryValidCorpusReportAtAllThreeLevels(String file, String messageId, String originalMessageId, String groupStatus,
      String groupReason, int pmtInfs, int transactions, String pmtInfStatus, String txStatus, String txReason) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/finance/pain002/" + file)) {
      // when
      Pain002Report report = reader.read(in, file);

      // then
      assertThat(report.messageId()).isEqualTo(messageId);
      assertThat(report.originalMessageId()).isEqualTo(originalMessageId);
      assertThat(report.groupStatus().code()).isEqualTo(groupStatus);
      assertThat(report.groupStatus().reasonCode()).isEqualTo(groupReason);
      assertThat(report.paymentInformation()).hasSize(pmtInfs);
      assertThat(report.paymentInformation().stream().mapToInt(p -> p.transactions().size()).sum()).isEqualTo(transactions);
      if (pmtInfs > 0) {
        assertThat(report.paymentInformation().get(0).status().code()).isEqualTo(pmtInfStatus);
        assertThat(report.paymentInformation().get(0).originalPaymentInformationId()).isNotBlank();
      }
      if (transactions > 0) {
        Pain002Report.TransactionStatus first = report.paymentInformation().get(0).transactions().get(0);
        assertThat(first.status().code()).isEqualTo(txStatus);
        assertThat(first.status().reasonCode()).isEqualTo(txReason);
        assertThat(first.originalEndToEndId()).isNotBlank();
      }
    }
  }

  @Test
  void shouldKeepReasonTextWithUmlautsAtPaymentAndTransactionLevel() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/finance/pain002/postfinance-pain002-epo-rjct.xml")) {
      Pain002Report.PaymentInformationStatus pmtInf = reader.read(in, "pf").paymentInformation().get(0);

      assertThat(pmtInf.originalPaymentInformationId()).isEqualTo("PmtInfId-006-01");
      assertThat(pmtInf.status()).isEqualTo(new Status("RJCT", "NARR", "1297193;Sammelauftrag ohne ausführbaren Einzelauftrag"));
      assertThat(pmtInf.transactions().get(0)).isEqualTo(new Pain002Report.TransactionStatus(
          "InstrId-006-01-01", "EndToEndId-006-01-01", new Status("RJCT", "AC01", "1301813;Konto ungültig")));
    }
  }

  @Test
  void shouldJoinEveryAdditionalInformationLineWhenAGroupHasSeveral() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/finance/pain002/goldmansachs-pain_002_v3_group_accepted.xml")) {
      assertThat(reader.read(in, "gs").groupStatus().additionalInformation())
          .isEqualTo("File accepted post technical and profile validations Original File Name: 26951.json");
    }
  }

  @Test
  void shouldRefuseTheNoNamespaceDocumentWithFileAndPosition() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/finance/pain002/moov-invalid_pain_v11-no-namespace.xml")) {
      assertThatThrownBy(() -> reader.read(in, "moov-invalid_pain_v11-no-namespace.xml")).isInstanceOf(Pain002Exception.class)
          .hasMessage(Pain002Reader.NOT_PAIN002.formatted("moov-invalid_pain_v11-no-namespace.xml", "line 1, column 11", "Document",
              "no namespace"));
    }
  }

  @ParameterizedTest
  @CsvSource({"crossriver-pain_002_batch_rejected.xml", "crossriver-pain_002_transaction_rejected.xml"})
  void shouldRefuseAndExplainWhenTheNamespaceAttributeIsMisspelt(String file) throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/finance/pain002/" + file)) {
      assertThatThrownBy(() -> reader.read(in, file)).isInstanceOf(Pain002Exception.class)
          .hasMessageStartingWith("Expected '" + file + "' to be a pain.002 document (root 'Document' in a pain.002 namespace), but at line 2")
          .hasMessageEndingWith("its root is 'Document' in no namespace." + Pain002Reader.MISSPELT_XMLNS);
    }
  }

  @Test
  void shouldRefuseAPain001WhenItIsGivenAsAStatusReport() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/finance/pain001/sepaking-pain.001.001.03.xml")) {
      assertThatThrownBy(() -> reader.read(in, "payments.xml")).isInstanceOf(Pain002Exception.class)
          .hasMessageContaining("namespace 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03'");
    }
  }

  @Test
  void shouldNameThePositionWhenTheXmlIsBroken() {
    String broken = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.03\">\n<CstmrPmtStsRpt></Document>";

    assertThatThrownBy(() -> reader.read(new java.io.ByteArrayInputStream(broken.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "broken.xml")).isInstanceOf(Pain002Exception.class).hasMessageStartingWith("Expected 'broken.xml' to be well-formed XML, but at line 2");
  }
}
