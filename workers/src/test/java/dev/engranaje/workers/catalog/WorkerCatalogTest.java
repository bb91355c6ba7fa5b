package dev.engranaje.workers.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.engranaje.workers.api.JobWorker;
import org.junit.jupiter.api.Test;

class WorkerCatalogTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @SuppressWarnings("unchecked")
  private static Object greet(JobWorker<?, ?> worker, String name) throws Exception {
    JobWorker<SampleGreetWorker.Person, Object> typed = (JobWorker<SampleGreetWorker.Person, Object>) worker;
    return typed.handle(new SampleGreetWorker.Person(name), null);
  }

  @Test
  void shouldFindWorkersAndFactoriesWhenListedInServiceFiles() throws Exception {
    // when
    WorkerCatalog catalog = WorkerCatalog.discover();

    // then
    assertThat(catalog.jobTypes()).contains("test:greet:1", "test:salute:1");
    assertThat(catalog.origin("test:greet:1")).isEqualTo(SampleGreetWorker.class.getName());
    JobWorker<?, ?> greet = catalog.factory("test:greet:1").create(WorkerSettings.none("test:greet:1", ""));
    assertThat(greet(greet, "Ada")).isEqualTo(new SampleGreetWorker.Greeting("Hello, Ada"));
  }

  @Test
  void shouldGiveTheFactoryItsSettingsSectionWhenCreatingTheWorker() throws Exception {
    // given
    ObjectNode section = JSON.createObjectNode().put("salutation", "Good day");

    // when
    JobWorker<?, ?> salute = WorkerCatalog.discover().factory("test:salute:1")
        .create(new WorkerSettings("test:salute:1", "greeting", section));

    // then
    assertThat(greet(salute, "Grace")).isEqualTo(new SampleGreetWorker.Greeting("Good day, Grace"));
  }

  @Test
  void shouldNameTheKeyWhenTheSettingsDoNotFit() {
    ObjectNode typo = JSON.createObjectNode().put("salutaton", "Hi");
    WorkerFactory factory = new SampleSaluteFactory();

    assertThatThrownBy(() -> factory.create(new WorkerSettings("test:salute:1", "greeting", typo)))
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessageContaining("Expected section 'settings.greeting' of the worker configuration to fit GreetingSettings")
        .hasMessageContaining("key 'settings.greeting.salutaton' is invalid: it is not a known key")
        .hasMessageContaining("salutation");
    assertThatThrownBy(() -> factory.create(WorkerSettings.none("test:salute:1", "greeting")))
        .hasMessage(String.format(WorkerSettings.MISSING, "settings.greeting", "test:salute:1"));
  }

  @Test
  void shouldRefuseTwoWorkersForOneJobType() {
    WorkerCatalog.Builder builder = WorkerCatalog.builder().worker(new SampleGreetWorker());

    assertThatThrownBy(() -> builder.worker(new SampleGreetWorker()))
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessage(String.format(WorkerCatalog.DUPLICATE, "test:greet:1", SampleGreetWorker.class.getName(),
            SampleGreetWorker.class.getName()));
  }

  @Test
  void shouldNameTheKnownJobTypesWhenAskedForAnUnknownOne() {
    WorkerCatalog catalog = WorkerCatalog.builder().worker(new SampleGreetWorker()).factory(new SampleSaluteFactory()).build();

    assertThatThrownBy(() -> catalog.factory("test:grete:1"))
        .isInstanceOf(InvalidConfiguration.class)
        .hasMessage(String.format(WorkerCatalog.UNKNOWN_TYPE, "test:grete:1", "[test:greet:1, test:salute:1]"));
  }
}
