package dev.engranaje.cli.ops;

import static dev.engranaje.cli.ops.Filters.ifSet;

import io.camunda.client.api.search.filter.builder.DateTimeProperty;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

/** An optional lower and upper bound (both inclusive) of a time filter; either may be null. */
record TimeRange(OffsetDateTime from, OffsetDateTime to) {

  boolean isSet() {
    return from != null || to != null;
  }

  /** The bounds as a client filter property. */
  Consumer<DateTimeProperty> property() {
    return property -> {
      ifSet(from, property::gte);
      ifSet(to, property::lte);
    };
  }
}
