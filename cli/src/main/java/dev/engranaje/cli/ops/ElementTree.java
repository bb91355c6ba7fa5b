package dev.engranaje.cli.ops;

import dev.engranaje.cli.UserError;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.response.ElementInstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The element instances of one process instance as a tree: each scope (the instance, a sub-process,
 * a multi-instance body) is searched by its scope key, children in start order. An engine that does
 * not filter by scope key gets one flat search instead. At most {@link #MAX_ELEMENTS} are read, so a
 * huge multi-instance cannot stall the command; {@link #cut()} says when the tree is incomplete.
 */
final class ElementTree {
  static final int MAX_ELEMENTS = 2_000;
  private static final Set<ElementInstanceType> SCOPES = EnumSet.of(ElementInstanceType.SUB_PROCESS,
      ElementInstanceType.EVENT_SUB_PROCESS, ElementInstanceType.AD_HOC_SUB_PROCESS,
      ElementInstanceType.AD_HOC_SUB_PROCESS_INNER_INSTANCE, ElementInstanceType.MULTI_INSTANCE_BODY);

  /** One element instance at its depth below the process (0 = directly in the process). */
  record Row(ElementInstance element, int depth, List<Row> children) {}

  private final CamundaClient client;
  private final long processInstanceKey;
  private int read;
  private boolean cut;

  ElementTree(CamundaClient client, long processInstanceKey) {
    this.client = client;
    this.processInstanceKey = processInstanceKey;
  }

  /** The top-level rows, each with its children. */
  List<Row> read() {
    try {
      return scope(processInstanceKey, 0);
    } catch (UserError notOffered) {
      throw notOffered;
    } catch (RuntimeException e) {
      ProblemException problem = EngineFeatures.problem(e);
      if (problem == null || problem.code() != 400) {
        throw e;
      }
      return flat();
    }
  }

  boolean cut() {
    return cut;
  }

  /** Every row of {@code rows} and their descendants, depth first. */
  static List<Row> flatten(List<Row> rows) {
    List<Row> all = new ArrayList<>();
    for (Row row : rows) {
      all.add(row);
      all.addAll(flatten(row.children()));
    }
    return all;
  }

  private List<Row> scope(long scopeKey, int depth) {
    List<Row> rows = new ArrayList<>();
    for (ElementInstance element : search(scopeKey)) {
      if (element.getElementInstanceKey() == processInstanceKey) {
        continue;
      }
      boolean container = SCOPES.contains(element.getType()) && read < MAX_ELEMENTS;
      rows.add(new Row(element, depth, container ? scope(element.getElementInstanceKey(), depth + 1) : List.of()));
    }
    return rows;
  }

  private List<ElementInstance> search(long scopeKey) {
    int budget = MAX_ELEMENTS - read;
    if (budget <= 0) {
      cut = true;
      return List.of();
    }
    Pages.Fetched<ElementInstance> fetched = EngineFeatures.require("element instance search", () -> Pages.fetch(budget,
        page -> client.newElementInstanceSearchRequest()
            .filter(filter -> filter.processInstanceKey(processInstanceKey).elementInstanceScopeKey(scopeKey))
            .sort(sort -> sort.startDate().asc()).page(page).send().join()));
    noteCut(fetched);
    return sorted(fetched.items());
  }

  private List<Row> flat() {
    read = 0;
    Pages.Fetched<ElementInstance> fetched = EngineFeatures.require("element instance search", () -> Pages.fetch(
        MAX_ELEMENTS, page -> client.newElementInstanceSearchRequest()
            .filter(filter -> filter.processInstanceKey(processInstanceKey))
            .sort(sort -> sort.startDate().asc()).page(page).send().join()));
    noteCut(fetched);
    return sorted(fetched.items()).stream()
        .filter(element -> element.getElementInstanceKey() != processInstanceKey)
        .map(element -> new Row(element, 0, List.of())).toList();
  }

  private void noteCut(Pages.Fetched<ElementInstance> fetched) {
    read += fetched.items().size();
    if (fetched.totalItems() > fetched.items().size()) {
      cut = true;
    }
  }

  /** Start order (then key) whatever order the engine answered in. */
  private static List<ElementInstance> sorted(List<ElementInstance> elements) {
    List<ElementInstance> copy = new ArrayList<>(elements);
    copy.sort(Comparator.comparing(ElementInstance::getStartDate, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(ElementInstance::getElementInstanceKey));
    return copy;
  }
}
