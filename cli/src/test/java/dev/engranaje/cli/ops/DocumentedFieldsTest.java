package dev.engranaje.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON field names docs/operations/cli.md promises are the ones the listings print, in order. */
class DocumentedFieldsTest {
  private static final Path DOC = Path.of("..", "docs", "operations", "cli.md");

  @Test
  void shouldPrintExactlyTheDocumentedFieldsForEveryListing() throws IOException {
    // given
    Map<String, List<? extends Column<?>>> listings = new LinkedHashMap<>();
    listings.put("instances", InstanceColumns.INSTANCE);
    listings.put("incidents", IncidentsCommand.COLUMNS);
    listings.put("jobs", JobsCommand.COLUMNS);
    listings.put("tasks", TasksCommand.COLUMNS);
    listings.put("processes", ProcessesCommand.COLUMNS);
    listings.put("variables", VariablesCommand.columns(60));
    listings.put("decisions", DecisionsCommand.COLUMNS);
    listings.put("decisions evaluations", DecisionEvaluationsCommand.COLUMNS);
    listings.put("batches", BatchesCommand.COLUMNS);
    listings.put("audit", AuditCommand.COLUMNS);

    // when
    Map<String, List<String>> documented = documentedFields(Files.readString(DOC));

    // then
    for (var listing : listings.entrySet()) {
      assertThat(documented.get(listing.getKey())).as(listing.getKey())
          .containsExactlyElementsOf(listing.getValue().stream().map(Column::field).toList());
    }
  }

  /** The "| `command` | `field`, `field` (note), ... |" rows of the fields table. */
  private static Map<String, List<String>> documentedFields(String markdown) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    String table = markdown.substring(markdown.indexOf("| Command | Fields of each item |"));
    for (String line : table.lines().skip(2).takeWhile(l -> l.startsWith("|")).toList()) {
      String[] cells = line.split("\\|");
      String command = cells[1].trim().replace("`", "");
      List<String> names = Arrays.stream(cells[2].split(","))
          .map(cell -> cell.trim().replaceAll("\\s*\\(.*\\)$", "").replace("`", "")).toList();
      fields.put(command, names);
    }
    return fields;
  }
}
