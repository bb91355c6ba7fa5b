package dev.engranaje.cli.ops;

import picocli.CommandLine.Option;

/** The options every listing shares: {@code --json} and {@code --limit}. */
public final class ListingOptions {
  static final int MAX_LIMIT = 10_000;

  @Option(names = "--json", description = "Print JSON ({\"items\": [...], \"totalItems\": N}) instead of a table;"
      + " field names are documented in docs/operations/cli.md.")
  boolean json;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
      description = "At most this many rows (default: ${DEFAULT-VALUE}, at most " + MAX_LIMIT + ").")
  int limit;

  int limit() {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new dev.engranaje.cli.UserError("Expected --limit between 1 and " + MAX_LIMIT + ", but got " + limit);
    }
    return limit;
  }
}
