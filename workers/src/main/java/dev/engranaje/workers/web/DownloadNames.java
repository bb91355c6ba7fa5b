package dev.engranaje.workers.web;

/** File names for downloads: only letters, digits, '.', '_' and '-', never empty, never hidden. */
final class DownloadNames {
  /** Suffixes of files still being written: Chromium's and ours. */
  static final String PARTIAL_SUFFIX = ".part";
  static final String CHROMIUM_PARTIAL_SUFFIX = ".crdownload";

  private DownloadNames() {}

  static String sanitize(String suggested) {
    String name = suggested == null ? "" : suggested.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^[._]+", "");
    if (name.length() > 100) {
      name = name.substring(name.length() - 100);
    }
    return name.isEmpty() ? "download" : name;
  }

  static boolean isPartial(String name) {
    return name.endsWith(PARTIAL_SUFFIX) || name.endsWith(CHROMIUM_PARTIAL_SUFFIX) || name.endsWith(".tmp");
  }
}
