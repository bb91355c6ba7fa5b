package dev.engranaje.engine.api.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The users of the REST API, from a YAML file:
 *
 * <pre>
 * groups:
 *   clerks: [task-user]
 * users:
 *   alice:
 *     password: pbkdf2-sha256$600000$...$...
 *     roles: [viewer]
 *     groups: [clerks]
 * </pre>
 *
 * A user's roles are their own plus their groups'.
 */
public final class ApiUsers {

  /** A user with their effective roles and the groups they belong to (which user tasks name as candidates). */
  public record User(String name, PasswordHash password, Set<Role> roles, Set<String> groups) {
    public User(String name, PasswordHash password, Set<Role> roles) {
      this(name, password, roles, Set.of());
    }
  }

  private final Map<String, User> users;

  public ApiUsers(Map<String, User> users) {
    this.users = Map.copyOf(users);
  }

  /** Reads {@code file}; the message of a failure names the file and the entry. */
  public static ApiUsers load(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("Expected a readable YAML users file at " + file + ", but " + e.getMessage(), e);
    }
    if (root == null || !root.path("users").isObject() || root.path("users").isEmpty()) {
      throw new IllegalArgumentException("Expected a 'users' mapping with at least one user in " + file);
    }
    Map<String, Set<Role>> groups = new LinkedHashMap<>();
    root.path("groups").fields().forEachRemaining(group ->
        groups.put(group.getKey(), roles(group.getValue(), file, "group '" + group.getKey() + "'")));
    Map<String, User> users = new LinkedHashMap<>();
    root.path("users").fields().forEachRemaining(entry -> {
      String name = entry.getKey();
      String where = file + ": user '" + name + "'";
      if (name.indexOf(':') >= 0) {
        throw new IllegalArgumentException("Expected user names without ':' (basic authentication cannot carry it) in " + where);
      }
      JsonNode user = entry.getValue();
      PasswordHash password;
      try {
        password = PasswordHash.parse(user.path("password").asText(null));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
      Set<Role> roles = EnumSet.noneOf(Role.class);
      roles.addAll(roles(user.path("roles"), file, "user '" + name + "'"));
      Set<String> memberOf = new LinkedHashSet<>();
      for (JsonNode group : user.path("groups")) {
        memberOf.add(group.asText());
        Set<Role> groupRoles = groups.get(group.asText());
        if (groupRoles == null) {
          throw new IllegalArgumentException("Expected group '" + group.asText() + "' of " + where
              + " under 'groups', but it is not defined there");
        }
        roles.addAll(groupRoles);
      }
      if (roles.isEmpty()) {
        throw new IllegalArgumentException("Expected at least one role (own or through a group) for " + where);
      }
      users.put(name, new User(name, password, Set.copyOf(roles), Set.copyOf(memberOf)));
    });
    return new ApiUsers(users);
  }

  private static Set<Role> roles(JsonNode list, Path file, String owner) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (JsonNode role : list) {
      try {
        roles.add(Role.of(role.asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + owner + ": " + e.getMessage(), e);
      }
    }
    return roles;
  }

  /** The user named {@code name}, or null. */
  User user(String name) {
    return users.get(name);
  }

  boolean isEmpty() {
    return users.isEmpty();
  }
}
