package dev.engranaje.cli.ops;

import io.camunda.client.CamundaClient;
import java.util.List;
import picocli.CommandLine.Mixin;

/**
 * A listing: fetches rows through one search (page by page up to {@code --limit}) and prints them as
 * a table or JSON with the columns the subclass declares.
 *
 * @param <T> the row type (a client search result)
 */
abstract class ListingCommand<T> extends OperatorCommand {
  @Mixin ListingOptions listing;

  private final String noun;
  private final String feature;

  /**
   * @param noun what a row is, plural, for "No … match."
   * @param feature what is named when the engine lacks the endpoint ("job search")
   */
  ListingCommand(String noun, String feature) {
    this.noun = noun;
    this.feature = feature;
  }

  /** The columns, in table order; their fields are the JSON names. */
  abstract List<Column<T>> columns();

  /** The search with the command's filters, one page at a time. */
  abstract Pages.Request<T> search(CamundaClient client);

  /** The rows as printed; by default as the search gave them. */
  List<T> complete(CamundaClient client, List<T> rows) {
    return rows;
  }

  @Override
  final int call(CamundaClient client) {
    int limit = listing.limit();
    Pages.Request<T> request = search(client);
    Pages.Fetched<T> fetched = EngineFeatures.require(feature, () -> Pages.fetch(limit, request));
    List<T> rows = complete(client, fetched.items());
    new Listing<>(columns(), times).print(out(), listing.json, rows, fetched.totalItems(), noun);
    return 0;
  }
}
