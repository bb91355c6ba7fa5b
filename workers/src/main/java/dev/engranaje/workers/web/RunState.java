package dev.engranaje.workers.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one script run has produced and seen so far: extracted values, downloaded and screenshot
 * files, the windows it knows and the origins it visited (cleared before its session is reused).
 *
 * <p>Not thread-safe; one per script run.
 */
final class RunState {
  final Map<String, Object> extracted = new LinkedHashMap<>();
  final Map<String, String> downloads = new LinkedHashMap<>();
  final List<String> screenshots = new ArrayList<>();
  final Set<String> origins = new LinkedHashSet<>();
  final Set<String> knownWindows = new LinkedHashSet<>();
  final List<String> trace = new ArrayList<>();
  String originalWindow;
  /** An assert step found the page not as expected: the browser answered, it is fit for the next job. */
  boolean checkFailed;

  /** Records the origin ({@code scheme://host:port}) of an http(s) URL. */
  void visited(String url) {
    if (url == null) {
      return;
    }
    try {
      URI uri = URI.create(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        origins.add(scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
      }
    } catch (IllegalArgumentException ignored) {
      // not a URL we could have stored anything for
    }
  }
}
