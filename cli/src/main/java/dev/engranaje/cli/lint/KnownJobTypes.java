package dev.engranaje.cli.lint;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The job types someone serves: the installed workers' (the worker catalog), those the element
 * templates name, and patterns the user declares for workers of their own ({@code --job-type
 * 'acme:*'}, where {@code *} matches anything). Immutable.
 */
public final class KnownJobTypes {
  private final Set<String> types;
  private final List<Pattern> patterns;

  public KnownJobTypes(Set<String> types, List<String> patterns) {
    this.types = Set.copyOf(types);
    this.patterns = patterns.stream().map(KnownJobTypes::glob).toList();
  }

  public boolean isServed(String jobType) {
    return types.contains(jobType) || patterns.stream().anyMatch(p -> p.matcher(jobType).matches());
  }

  /** The known types, sorted, for messages. */
  public Set<String> types() {
    return new TreeSet<>(types);
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
