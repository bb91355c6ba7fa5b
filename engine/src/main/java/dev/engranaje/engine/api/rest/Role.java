package dev.engranaje.engine.api.rest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a user of the REST API may do; each route needs one role (see {@link RouteRoles}). */
public enum Role {
  /** Everything. */
  ADMIN,
  /** Reads plus repair: incidents, retries, instances, variables, messages, signals, deployments. */
  OPERATOR,
  /** User tasks: search, get, form, assign, complete. */
  TASK_USER,
  /** All reads: GETs and search/statistics queries. */
  VIEWER,
  /** Jobs: activation, completion, failure, error, update. */
  WORKER,
  /**
   * Not held by anyone: what a job update needs, which both a worker (extending its own job) and an
   * operator (setting retries) may do.
   */
  JOB_UPDATE;

  /** The name in the users file and in messages, like {@code task-user}. */
  public String label() {
    if (this == JOB_UPDATE) {
      return "worker' or 'operator";
    }
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Whether holding this role allows a route that needs {@code needed}. */
  boolean grants(Role needed) {
    return this == ADMIN || this == needed || (this == OPERATOR && needed == VIEWER)
        || (needed == JOB_UPDATE && (this == WORKER || this == OPERATOR));
  }

  /** The role named {@code label} (as in the users file). */
  public static Role of(String label) {
    for (Role role : values()) {
      if (role != JOB_UPDATE && role.label().equals(label)) {
        return role;
      }
    }
    throw new IllegalArgumentException("Expected a role among " + Arrays.stream(values())
        .filter(role -> role != JOB_UPDATE).map(Role::label)
        .collect(Collectors.joining(", ")) + ", but got '" + label + "'");
  }
}
