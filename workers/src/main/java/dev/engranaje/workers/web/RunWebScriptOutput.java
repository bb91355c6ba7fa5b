package dev.engranaje.workers.web;

import java.util.List;
import java.util.Map;

/**
 * What a web script produced, kept small: extracted values and table rows by their {@code as} name,
 * references of downloaded files by name, references of screenshot steps' files, and the browser
 * that ran the script.
 */
public record RunWebScriptOutput(
    Map<String, Object> extracted, Map<String, String> downloads, List<String> screenshots, String browser) {
  public RunWebScriptOutput {
    extracted = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extracted));
    downloads = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(downloads));
    screenshots = List.copyOf(screenshots);
  }
}
