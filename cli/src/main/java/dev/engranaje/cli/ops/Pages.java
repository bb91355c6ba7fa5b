package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import io.camunda.client.api.search.page.AnyPage;
import io.camunda.client.api.search.response.SearchResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a search page by page, following the end cursor, until {@code limit} rows are read or the
 * results end. Each request asks for at most {@link #PAGE_SIZE} rows (both the embedded engine and
 * Camunda accept it).
 */
final class Pages {
  static final int PAGE_SIZE = 1_000;

  /** One search request for the given page (the caller applies the same filter to each). */
  @FunctionalInterface
  interface Request<T> {
    SearchResponse<T> send(Consumer<AnyPage> page);
  }

  /** The rows read and how many matched in all (-1 when the engine did not say). */
  record Fetched<T>(List<T> items, long totalItems) {}

  private Pages() {}

  static <T> Fetched<T> fetch(int limit, Request<T> request) {
    List<T> items = new ArrayList<>();
    String cursor = null;
    long total = -1;
    while (items.size() < limit) {
      int size = Math.min(PAGE_SIZE, limit - items.size());
      String after = cursor;
      SearchResponse<T> response = request.send(page -> {
        page.limit(size);
        ifSet(after, page::after);
      });
      List<T> page = response.items();
      items.addAll(page.size() > size ? page.subList(0, size) : page);
      if (response.page() != null && response.page().totalItems() != null) {
        total = response.page().totalItems();
      }
      cursor = response.page() == null ? null : response.page().endCursor();
      if (page.size() < size || cursor == null || (total >= 0 && items.size() >= total)) {
        break;
      }
    }
    return new Fetched<>(items, total);
  }
}
