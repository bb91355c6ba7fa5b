package dev.engranaje.engine.api.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's files (its page, script, styles and the vendored bpmn-js and form-js), read once
 * from the classpath under {@value #ROOT} and kept in memory.
 */
final class ConsoleAssets {

  static final String ROOT = "dev/engranaje/engine/console/";

  /** A file to send: its bytes and media type, and whether browsers may keep it (vendored files). */
  record Asset(byte[] bytes, String contentType, boolean cacheable) {}

  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("html", "text/html; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"), Map.entry("svg", "image/svg+xml"),
      Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"), Map.entry("ttf", "font/ttf"),
      Map.entry("eot", "application/vnd.ms-fontobject"), Map.entry("png", "image/png"),
      Map.entry("md", "text/plain; charset=utf-8"), Map.entry("", "text/plain; charset=utf-8"));

  private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

  /** The file at {@code path} below the console's root ("" is its page), if there is one. */
  Optional<Asset> find(String path) {
    String name = path.isEmpty() ? "index.html" : path;
    if (name.contains("..") || name.startsWith("/") || name.contains("\\") || name.contains("//")) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(name, ConsoleAssets::load);
  }

  private static Optional<Asset> load(String name) {
    try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(ROOT + name)) {
      if (in == null) {
        return Optional.empty();
      }
      int slash = name.lastIndexOf('/');
      String file = name.substring(slash + 1);
      int dot = file.lastIndexOf('.');
      String type = TYPES.getOrDefault(dot < 0 ? "" : file.substring(dot + 1), "application/octet-stream");
      return Optional.of(new Asset(in.readAllBytes(), type, name.startsWith("vendor/")));
    } catch (IOException e) {
      throw new UncheckedIOException("Expected to read the console file " + name + " from the classpath", e);
    }
  }
}
