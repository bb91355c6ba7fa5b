package dev.engranaje.cli;

import static dev.engranaje.cli.RpaRun.rpa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.engranaje.cli.RpaRun.Result;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rpa einvoice} as a user types it, on copies of public sample invoices. */
class EinvoiceCommandTest {

  private static String resource(String name) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(EinvoiceCommandTest.class.getResource("/einvoice/" + name)).toURI()).toString();
  }

  @Test
  void shouldPrintTheInvoiceAndExitZeroWhenEveryFileIsRead() throws Exception {
    String file = resource("peppol-base-example.xml");

    Result result = rpa("einvoice", file);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains(file + ": read (ubl, invoice Snippet1, SupplierOfficialName Ltd, VAT GB1232434,"
        + " IBAN IBAN32423940, due 2017-12-01, amount due 1656.25 EUR)", "1 of 1 read, 0 refused");
  }

  @Test
  void shouldNameTheRulesAndPositionsAndExitOneWhenFilesAreRefused(@TempDir Path dir) throws Exception {
    String minimum = resource("mustang-facturFrMinimum.xml");
    Path broken = Files.writeString(dir.resolve("broken.xml"), "<?xml version=\"1.0\"?>\n<Invoice");

    Result result = rpa("einvoice", minimum, broken.toString(), resource("peppol-base-example.xml"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).contains(minimum + ": refused, breaks BR-CO-16",
        "[BR-CO-16] Expected the amount due for payment (BT-115) to equal BT-112 671.15 - BT-113 0 + BT-114 0 = 671.15,"
            + " but it is 470.15 (difference -201.00)",
        broken + ": refused", "Expected a readable e-invoice in '" + broken + "', but at line 2, column",
        "1 of 3 read, 2 refused");
  }

  @Test
  void shouldSayWhichFileIsMissingWhenAPathIsWrong(@TempDir Path dir) {
    Result result = rpa("einvoice", dir.resolve("nope.xml").toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("Expected the e-invoice file '" + dir.resolve("nope.xml") + "', but there is no such file");
  }
}
