package dev.engranaje.engine.api.rest;

/**
 * The one place that says which {@link Role} each route needs, from its method and pattern (applied
 * once, when the route is registered). docs/security.md lists the outcome per route.
 */
final class RouteRoles {

  private RouteRoles() {}

  static Role required(String method, String pattern) {
    if (method.equals("PATCH") && pattern.equals("/v2/jobs/{key}")) {
      return Role.JOB_UPDATE;
    }
    if (pattern.startsWith("/v2/jobs") && !(method.equals("POST") && isQuery(pattern))) {
      return Role.WORKER;
    }
    if (pattern.startsWith("/v2/user-tasks")) {
      return Role.TASK_USER;
    }
    if (method.equals("GET") || (method.equals("POST") && isQuery(pattern))) {
      return Role.VIEWER;
    }
    return Role.OPERATOR;
  }

  private static boolean isQuery(String pattern) {
    return pattern.endsWith("/search") || pattern.contains("/statistics");
  }
}
