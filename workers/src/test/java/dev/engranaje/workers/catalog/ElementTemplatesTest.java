package dev.engranaje.workers.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.engranaje.workers.catalog.WorkerClasses.WorkerClass;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code bpmn/element-templates/} (whoever added it) passes Camunda's official
 * element-template schema (copied with its origin in {@code src/test/resources/element-templates/}),
 * carries what Modeler shows (engines, icon, documentation link, category, retries and backoff), and
 * matches the worker it configures: its job type is a worker's {@code @JobType}, every input and
 * header it writes is a component of the worker's input record, every input record component is
 * one the template can set, and every output it maps is a component of the worker's output record.
 * Failure messages name the template file and the property.
 */
class ElementTemplatesTest {
  static final Path TEMPLATES = Path.of("..", "bpmn", "element-templates");
  static final String DOCUMENTATION_BASE = "https://github.com/engranaje/engranaje/blob/main/";
  /** Task headers the runtime reads itself rather than mapping them onto the input record. */
  static final Set<String> RUNTIME_HEADERS = Set.of("retryBackoff");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = loadSchema();
  private static final Map<String, WorkerClass> WORKERS = WorkerClasses.byJobType();

  private static Schema loadSchema() {
    try (InputStream in = ElementTemplatesTest.class.getResourceAsStream("/element-templates/zeebe-element-templates-schema.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<String> templates() throws IOException {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
    }
  }

  private static JsonNode read(String file) throws IOException {
    return JSON.readTree(TEMPLATES.resolve(file).toFile());
  }

  /** How a property is named in messages: its id, else its label, with its binding. */
  private static String describe(JsonNode property) {
    String name = property.path("id").asText(property.path("label").asText("(no label)"));
    return "'" + name + "' (" + property.path("binding") + ")";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void shouldPassCamundasElementTemplateSchemaWhenValidated(String file) throws IOException {
    // given: validated as a one-element list, the schema's other form, so the errors of the template
    // itself are reported (the validator does not report the failed branch of the root oneOf)
    JsonNode template = read(file);

    // when
    List<Error> errors = SCHEMA.validate(JSON.createArrayNode().add(template)).stream()
        .filter(error -> !error.getInstanceLocation().toString().isEmpty()) // "array found, object expected"
        .toList();

    // then
    assertThat(errors).as("schema errors of %s", file).extracting(error -> {
      String at = error.getInstanceLocation().toString().replaceFirst("^/0", "");
      String property = at.matches("/properties/\\d+.*")
          ? " property " + describe(template.path("properties").path(Integer.parseInt(at.split("/")[2]))) : "";
      return file + at + property + ": " + error.getMessage();
    }).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void shouldCarryWhatModelerShowsWhenLoaded(String file) throws IOException {
    // given
    JsonNode template = read(file);
    List<String> problems = new ArrayList<>();

    // when
    require(problems, template.path("$schema").asText().equals(
        "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json"), "a $schema of Camunda's schema");
    require(problems, template.path("id").asText().startsWith("dev.engranaje."), "an id starting with dev.engranaje.");
    require(problems, template.path("version").asInt() >= 1, "a version");
    require(problems, template.path("engines").hasNonNull("camunda"), "engines.camunda");
    require(problems, template.path("icon").path("contents").asText().startsWith("data:image/svg+xml"), "an SVG icon");
    require(problems, template.path("category").hasNonNull("id") && template.path("category").hasNonNull("name"),
        "a category with id and name");
    String documentation = template.path("documentationRef").asText();
    require(problems, documentation.startsWith(DOCUMENTATION_BASE)
        && Files.isRegularFile(Path.of("..").resolve(documentation.substring(DOCUMENTATION_BASE.length()).replaceAll("#.*", ""))),
        "a documentationRef to a page under docs/ (" + documentation + ")");
    Set<String> bindings = new java.util.HashSet<>();
    template.path("properties").forEach(p -> bindings.add(p.path("binding").path("type").asText() + ":"
        + p.path("binding").path("property").asText(p.path("binding").path("key").asText(""))));
    require(problems, bindings.contains("zeebe:taskDefinition:retries"), "a Retries field (zeebe:taskDefinition retries)");
    require(problems, bindings.contains("zeebe:taskHeader:retryBackoff"), "a Retry backoff field (zeebe:taskHeader retryBackoff)");

    // then
    assertThat(problems).as("%s is missing", file).isEmpty();
  }

  private static void require(List<String> problems, boolean present, String what) {
    if (!present) {
      problems.add(what);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void shouldMatchTheInputAndOutputRecordsOfItsWorkerWhenLoaded(String file) throws IOException {
    // given
    JsonNode template = read(file);
    List<String> jobTypes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    List<String> bound = new ArrayList<>();
    List<JsonNode> outputs = new ArrayList<>();
    for (JsonNode property : template.path("properties")) {
      JsonNode binding = property.path("binding");
      switch (binding.path("type").asText()) {
        case "zeebe:taskDefinition", "zeebe:taskDefinition:type" -> {
          if (binding.path("property").asText("type").equals("type")) {
            jobTypes.add(property.path("value").asText());
          }
        }
        case "zeebe:input" -> bound.add(binding.path("name").asText());
        case "zeebe:taskHeader" -> {
          if (!RUNTIME_HEADERS.contains(binding.path("key").asText())) {
            bound.add(binding.path("key").asText());
          }
        }
        case "zeebe:output" -> outputs.add(property);
        default -> problems.add("property " + describe(property) + " has a binding lint and the workers do not read");
      }
    }
    assertThat(jobTypes).as("%s sets one job type", file).hasSize(1);
    WorkerClass worker = WORKERS.get(jobTypes.get(0));
    assertThat(worker).as("%s sets job type '%s', but no worker has that @JobType; known: %s", file, jobTypes.get(0),
        WORKERS.keySet()).isNotNull();

    // when
    Set<String> inputs = components(worker.input());
    for (JsonNode property : template.path("properties")) {
      String name = property.path("binding").path("name").asText(property.path("binding").path("key").asText(null));
      if (name != null && bound.contains(name) && !inputs.contains(name)) {
        problems.add("property " + describe(property) + " sets '" + name + "', which is not a component of "
            + worker.input().getName() + " " + inputs);
      }
    }
    inputs.stream().filter(component -> !bound.contains(component)).forEach(component -> problems.add(
        "input component '" + component + "' of " + worker.input().getName() + " has no property in the template"));
    bound.stream().filter(name -> bound.indexOf(name) != bound.lastIndexOf(name)).distinct()
        .forEach(name -> problems.add("'" + name + "' is bound by more than one property"));
    if (worker.output().isRecord()) {
      Set<String> results = components(worker.output());
      for (JsonNode output : outputs) {
        String source = output.path("binding").path("source").asText().replaceFirst("^=", "").split("[.\\[ ]")[0];
        if (!results.contains(source)) {
          problems.add("output property " + describe(output) + " maps '" + source + "', which is not a component of "
              + worker.output().getName() + " " + results);
        }
      }
    }

    // then
    assertThat(problems).as("%s against %s", file, worker.type().getSimpleName()).isEmpty();
  }

  @Test
  void shouldHaveATemplateForEveryWorkerWhenTheCatalogIsBuilt() throws IOException {
    // given
    Set<String> templated = new java.util.TreeSet<>();
    for (String file : templates().toList()) {
      read(file).path("properties").forEach(p -> {
        if (p.path("binding").path("type").asText().equals("zeebe:taskDefinition")
            && p.path("binding").path("property").asText().equals("type")) {
          templated.add(p.path("value").asText());
        }
      });
    }

    // then
    assertThat(WORKERS.keySet()).as("job types without an element template").isSubsetOf(templated);
  }

  /** The record's components a template can set: not a @JsonAnySetter one, which collects the variables it does not name. */
  private static Set<String> components(Class<?> type) {
    if (!type.isRecord()) {
      return Set.of();
    }
    return Arrays.stream(type.getRecordComponents()).filter(c -> !anySetter(type, c)).map(RecordComponent::getName)
        .collect(Collectors.toSet());
  }

  private static boolean anySetter(Class<?> type, RecordComponent component) {
    try {
      return type.getDeclaredField(component.getName()).isAnnotationPresent(com.fasterxml.jackson.annotation.JsonAnySetter.class);
    } catch (NoSuchFieldException e) {
      return false;
    }
  }
}
