package dev.engranaje.workers.finance.pain001;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Pain001ReaderCorpusTest {
  private final Pain001Reader reader = new Pain001Reader();

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "goldmansachs-pain_001_ach_credit.xml, 1, 1, 123, Message-Id, End-to-End-Id, 1",
      "iso-mdr-example-pain.001.001.03.xml, 1, 3, 11500000, ABC/090928/CCT001, ABC/4562/2009-09-08, 0",
      "iso20022js-sepa_pain_001_v3_multiple_pmtinf.xml, 2, 2, 20.00, 38b0440b12d741d690e5721ab6f90e33, d6ecf0cb-e0c3-4fe9-8f21-45464fde659, 2",
      "iso20022js-swift_pain_001_v3.xml, 1, 1, 10, bbd49338b6a3434aad7537d07b248a99, 383e1d18-d7d6-4239-9622-adae81183d3, 0",
      "lt-International_payment_USD_naujas_1.xml, 1, 1, 111.11, MSGID0002, EndToEndId0002, 0",
      "lt-sepa_payment_naujas_1.xml, 1, 1, 99.99, MSGID0001, EndToEndId0001, 0",
      "postfinance-musterfile_pain.001_Nov2020.xml, 5, 8, 38.00, MsgId-001, EndToEndId-01-01, 1",
      "sepaking-pain.001.001.03.ch.02.xml, 2, 3, 15850.00, MSG-01, ENDTOENDID-001, 0",
      "sepaking-pain.001.001.03.xml, 1, 2, 6655.86, Message-ID-4711, OriginatorID1234, 0",
      "sepaking-pain.001.003.03.xml, 1, 2, 6655.86, Message-ID-4711, OriginatorID1234, 0",
      "separator-pain.001.001.09.xml, 1, 1, 102.50, MSG/3e435907ab2da8f3896335abcdef, XYZ-1234/123, 0",
      "separator-pain.001.001.13.xml, 1, 1, 102.50, MSG/3e435907ab2da8f3896335abcdef, XYZ-1234/123, 0"})
  void shouldReadEveryCorpusFileWhenItIsAPain001(String file, int batches, int transactions, String total, String messageId,
      String firstEndToEndId, int inconsistencies) throws Exception {
    // given
    try (InputStream in = getClass().getResourceAsStream("/finance/pain001/" + file)) {
      // when
      Pain001Document document = reader.read(in, file);

      // then
      assertThat(document.namespace()).contains("pain.001");
      assertThat(document.messageId()).isEqualTo(messageId);
      assertThat(document.batches()).hasSize(batches);
      assertThat(document.transactions()).hasSize(transactions);
      assertThat(document.totalAmount()).isEqualByComparingTo(new BigDecimal(total));
      assertThat(document.transactions().get(0).endToEndId()).isEqualTo(firstEndToEndId);
      assertThat(document.transactions()).allSatisfy(t -> {
        assertThat(t.currency()).matches("[A-Z]{3}");
        assertThat(t.creditorAccount()).isNotBlank();
      });
      assertThat(document.batches()).allSatisfy(b -> assertThat(b.debtorAccount()).isNotBlank());
      // three public samples declare counts or sums their contents do not have: reported, not hidden
      assertThat(document.inconsistencies()).hasSize(inconsistencies);
    }
  }

  @Test
  void shouldReadTheIsoSampleInDetailWhenItHasStructuredRemittance() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/finance/pain001/sepaking-pain.001.001.03.xml")) {
      Pain001Document document = reader.read(in, "sepaking");

      Pain001Document.Batch batch = document.batches().get(0);
      assertThat(batch.requestedExecutionDate()).isEqualTo("2010-11-25");
      assertThat(batch.debtorAccount()).isEqualTo("DE87200500001234567890");
      assertThat(batch.debtorBic()).isEqualTo("BANKDEFFXXX");
      assertThat(batch.declaredControlSum()).isEqualByComparingTo("6655.86");
      Pain001Document.Transaction first = batch.transactions().get(0);
      assertThat(first.amount()).isEqualByComparingTo("6543.14");
      assertThat(first.creditorName()).isEqualTo("Creditor Name");
      assertThat(first.creditorAccount()).isEqualTo("DE21500500009876543210");
      assertThat(first.creditorBic()).isEqualTo("SPUEDE2UXXX");
      assertThat(first.remittanceText()).isEqualTo("Unstructured Remittance Information");
    }
  }

  @Test
  void shouldReportTheDeclaredSumWhenASampleDisagreesWithItsContents() throws Exception {
    try (InputStream in = getClass().getResourceAsStream("/finance/pain001/goldmansachs-pain_001_ach_credit.xml")) {
      assertThat(reader.read(in, "gs").inconsistencies()).containsExactly(
          Pain001Document.SUM.formatted("group header", "510.24", "123"));
    }
  }

  @Test
  void shouldRefuseADocumentWhenItIsNotAPain001() {
    String camt = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt/></Document>";

    assertThatThrownBy(() -> reader.read(stream(camt), "statement.xml")).isInstanceOf(Pain001Exception.class)
        .hasMessage(Pain001Reader.NOT_PAIN001.formatted("statement.xml", "Document",
            "namespace 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02'"));
  }

  @Test
  void shouldNameTheFileAndPositionWhenTheXmlIsTruncated() {
    String truncated = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\">\n<CstmrCdtTrfInitn><GrpHdr>";

    assertThatThrownBy(() -> reader.read(stream(truncated), "cut.xml")).isInstanceOf(Pain001Exception.class)
        .hasMessageStartingWith("Expected 'cut.xml' to be well-formed XML, but at line 2");
  }

  @Test
  void shouldRefuseADoctypeWhenTheFileDeclaresEntities() {
    String hostile = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn><GrpHdr>"
        + "<MsgId>&x;</MsgId></GrpHdr></CstmrCdtTrfInitn></Document>";

    assertThatThrownBy(() -> reader.read(stream(hostile), "xxe.xml")).isInstanceOf(Pain001Exception.class)
        .hasMessageStartingWith("Expected 'xxe.xml' to be well-formed XML, but at line 1");
  }

  @Test
  void shouldNameTheElementWhenAnAmountIsNotANumber() {
    String bad = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"><CstmrCdtTrfInitn><GrpHdr>"
        + "<MsgId>M</MsgId><CtrlSum>12,50</CtrlSum></GrpHdr></CstmrCdtTrfInitn></Document>";

    assertThatThrownBy(() -> reader.read(stream(bad), "comma.xml")).isInstanceOf(Pain001Exception.class)
        .hasMessageStartingWith("Expected 'comma.xml' element 'CtrlSum' at line 1").hasMessageEndingWith("holds '12,50'.");
  }

  private static InputStream stream(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }
}
