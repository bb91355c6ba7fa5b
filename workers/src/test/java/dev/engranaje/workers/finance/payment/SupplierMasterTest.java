package dev.engranaje.workers.finance.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.engranaje.workers.api.TechnicalFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supplier master from CSV and xlsx, with the default headers and with a mapping file. */
class SupplierMasterTest {
  @TempDir Path dir;

  @Test
  void shouldReadTheCsvMasterWithTheDefaultHeadersKeepingLeadingZeros() throws Exception {
    SupplierMaster master = SupplierMaster.read(PaymentFixtures.masterCsv(dir.resolve("m.csv")), "m.csv",
        SupplierMapping.DEFAULT);

    assertThat(master.suppliers()).extracting(Supplier::supplierId).containsExactly("00042", "S-7", "S-9");
    assertThat(master.suppliers().get(0)).extracting(Supplier::name, Supplier::email, Supplier::bic, Supplier::row)
        .containsExactly("Lieferant GmbH", "ap@lieferant.example", "BYLADEM1001", 2);
  }

  @Test
  void shouldReadTheXlsxMasterThroughItsMappingFromTheNamedSheet() throws Exception {
    SupplierMapping mapping = SupplierMapping.parse(PaymentFixtures.MAPPING, "mapping.yaml");

    SupplierMaster master = SupplierMaster.read(PaymentFixtures.masterXlsx(dir.resolve("m.xlsx")), "m.xlsx", mapping);

    // Excel kept 00042 as the number 42: the mapping cannot bring the zeros back
    assertThat(master.suppliers()).extracting(Supplier::supplierId).containsExactly("42", "S-7", "S-9");
    assertThat(master.find("DE238574172", null, null)).get().extracting(Supplier::name)
        .isEqualTo("Alphabet Fuhrparkmanagement GmbH");
  }

  @Test
  void shouldFindBySpacedVatIdThenByNameOnlyWithoutConflictingVatIdsThenByIban() throws Exception {
    SupplierMaster master = SupplierMaster.read(PaymentFixtures.masterCsv(dir.resolve("m.csv")), "m.csv",
        SupplierMapping.DEFAULT);

    assertThat(master.find("DE 123 456 789", "Someone else", null)).get().extracting(Supplier::supplierId)
        .isEqualTo("00042");
    assertThat(master.find(null, "LIEFERANT gmbh.", null)).get().extracting(Supplier::supplierId).isEqualTo("00042");
    assertThat(master.find("DE999999999", "Lieferant GmbH", null)).isEmpty();
    assertThat(master.find(null, "Unknown", PaymentFixtures.WECLAPP_IBAN)).get().extracting(Supplier::supplierId)
        .isEqualTo("S-9");
  }

  @Test
  void shouldFailNamingTheFileWhenARequiredColumnIsMissing() throws Exception {
    Path file = Files.writeString(dir.resolve("m.csv"), "id,name,iban\n1,A,DE89370400440532013000\n");

    assertThatThrownBy(() -> SupplierMaster.read(file, "inbox:m.csv", SupplierMapping.DEFAULT))
        .isInstanceOf(TechnicalFailure.class).hasMessageContaining("column 'supplierId'")
        .hasMessageContaining("inbox:m.csv").hasMessageContaining("supplierMapping")
        .satisfies(e -> assertThat(((TechnicalFailure) e).isRetryable()).isFalse());
  }

  @Test
  void shouldFailNamingBothRowsWhenASupplierIdRepeats() throws Exception {
    Path file = Files.writeString(dir.resolve("m.csv"), "supplierId,name,iban\n7,A,x\n8,B,y\n7,C,z\n");

    assertThatThrownBy(() -> SupplierMaster.read(file, "m.csv", SupplierMapping.DEFAULT))
        .hasMessageContaining("'7' is in rows 2 and 4");
  }

  @Test
  void shouldFailNamingTheReferenceWhenTheMasterDoesNotExist() {
    assertThatThrownBy(() -> SupplierMaster.read(dir.resolve("none.csv"), "inbox:none.csv", SupplierMapping.DEFAULT))
        .isInstanceOf(TechnicalFailure.class).hasMessageContaining("'inbox:none.csv'");
  }

  @Test
  void shouldRefuseAMappingWithAnUnknownKeyNamingTheFileAndKey() {
    assertThatThrownBy(() -> SupplierMapping.parse("columns: {supplierId: Nr, colour: red}", "map.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid supplier mapping 'map.yaml': Expected only the keys")
        .hasMessageContaining("found 'columns.colour'");
  }

  @Test
  void shouldReadTheLocaleOfAMappingWithTheSharedRules() {
    SupplierMapping mapping = SupplierMapping.parse("locale: {delimiter: ';', encoding: windows-1252}", "map.yaml");

    assertThat(mapping.locale().delimiter()).isEqualTo(";");
    assertThat(mapping.locale().encoding()).isEqualTo("windows-1252");
    assertThat(mapping.columns()).containsEntry("iban", "iban");
    assertThatThrownBy(() -> SupplierMapping.parse("locale: {delimiter: ';;'}", "map.yaml"))
        .hasMessageContaining("Expected 'locale.delimiter' to be one character");
  }
}
