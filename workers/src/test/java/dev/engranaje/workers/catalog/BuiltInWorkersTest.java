package dev.engranaje.workers.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.engranaje.workers.api.JobWorker;
import org.junit.jupiter.api.Test;

/** The workers this module ships are all registered, and each can be made from its settings. */
class BuiltInWorkersTest {

  @Test
  void shouldDiscoverEveryBuiltInWorkerFromTheServiceFiles() {
    WorkerCatalog catalog = WorkerCatalog.discover();

    assertThat(catalog.jobTypes()).contains(
        "rpa:http.request:1", "rpa:files.list:1", "rpa:files.move:1", "rpa:files.copy:1", "rpa:files.delete:1",
        "rpa:files.zip:1", "rpa:files.unzip:1", "rpa:files.checksum:1", "rpa:web.run-script:1",
        "rpa:mail.send:1", "rpa:mail.fetch:1", "rpa:spreadsheet.read:1", "rpa:spreadsheet.write:1",
        "rpa:spreadsheet.append:1", "rpa:spreadsheet.filter:1", "rpa:spreadsheet.lookup:1");
  }

  @Test
  void shouldMakeTheWebWorkerWithAndWithoutItsSettingsSection() throws Exception {
    WorkerFactory web = WorkerCatalog.discover().factory("rpa:web.run-script:1");
    JsonSettings yaml = new JsonSettings("{\"defaultBrowser\":\"CHROMIUM\",\"defaultTimeout\":\"PT20S\"}");

    JobWorker<?, ?> withDefaults = web.create(WorkerSettings.none("rpa:web.run-script:1", "web"));
    JobWorker<?, ?> configured = web.create(new WorkerSettings("rpa:web.run-script:1", "web", yaml.node()));

    assertThat(withDefaults.jobType()).isEqualTo("rpa:web.run-script:1");
    assertThat(configured.jobType()).isEqualTo("rpa:web.run-script:1");
  }

  @Test
  void shouldDiscoverTheEinvoiceReaderFromTheServiceFiles() throws Exception {
    WorkerFactory factory = WorkerCatalog.discover().factory("rpa:finance.read-einvoice:1");

    assertThat(factory.create(WorkerSettings.none("rpa:finance.read-einvoice:1", null)).jobType())
        .isEqualTo("rpa:finance.read-einvoice:1");
  }

  @Test
  void shouldDiscoverThePaymentWorkersFromTheServiceFiles() throws Exception {
    WorkerCatalog catalog = WorkerCatalog.discover();

    for (String jobType : java.util.List.of("rpa:payments.check-invoice:1", "rpa:payments.prepare-run:1",
        "rpa:payments.record-approval:1", "rpa:payments.write-pain001:1", "rpa:payments.read-status:1",
        "rpa:payments.record-payments:1", "rpa:payments.write-run-report:1")) {
      assertThat(catalog.factory(jobType).create(WorkerSettings.none(jobType, null)).jobType()).isEqualTo(jobType);
    }
  }

  private record JsonSettings(String json) {
    com.fasterxml.jackson.databind.JsonNode node() throws Exception {
      return new ObjectMapper().readTree(json);
    }
  }
}
