package dev.engranaje.cli.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The element templates lint checks tasks against, read from template folders ({@code *.json}
 * files holding one template or an array of them, as Camunda Modeler reads them). Immutable.
 */
public final class TemplateLibrary {
  static final String UNREADABLE = "Expected element template files to be JSON, but '%s' could not be read: %s";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<ElementTemplate>> byId;

  private TemplateLibrary(Map<String, List<ElementTemplate>> byId) {
    this.byId = byId;
  }

  /** No templates. */
  public static TemplateLibrary empty() {
    return new TemplateLibrary(Map.of());
  }

  /**
   * Reads every {@code *.json} file in the folders (not recursively); missing folders are skipped.
   *
   * @throws IllegalArgumentException naming the file when one is not a template file
   */
  public static TemplateLibrary read(Collection<Path> folders) {
    Map<String, List<ElementTemplate>> byId = new HashMap<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
          for (ElementTemplate template : parse(file)) {
            byId.computeIfAbsent(template.id(), id -> new ArrayList<>()).add(template);
          }
        }
      } catch (IOException e) {
        throw new IllegalArgumentException(String.format(UNREADABLE, folder, e.getMessage()), e);
      }
    }
    byId.values().forEach(list -> list.sort(Comparator.comparingInt(ElementTemplate::version)));
    return new TemplateLibrary(Map.copyOf(byId));
  }

  /** The templates of one file (a template or an array of templates). */
  static List<ElementTemplate> parse(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(String.format(UNREADABLE, file, e.getMessage()), e);
    }
    List<ElementTemplate> templates = new ArrayList<>();
    for (JsonNode node : root.isArray() ? root : List.of(root)) {
      if (node.hasNonNull("id")) {
        templates.add(TemplateReader.read(file.getFileName().toString(), node));
      }
    }
    return templates;
  }

  /** The template with this id and version. */
  public Optional<ElementTemplate> find(String id, int version) {
    return byId.getOrDefault(id, List.of()).stream().filter(t -> t.version() == version).findFirst();
  }

  /** The newest version of the template with this id. */
  public Optional<ElementTemplate> latest(String id) {
    List<ElementTemplate> versions = byId.getOrDefault(id, List.of());
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
  }

  /** The job types the templates set, sorted. */
  public Set<String> jobTypes() {
    Set<String> types = new TreeSet<>();
    byId.values().forEach(list -> list.stream().map(ElementTemplate::jobType).filter(t -> t != null).forEach(types::add));
    return types;
  }

  public boolean isEmpty() {
    return byId.isEmpty();
  }
}
