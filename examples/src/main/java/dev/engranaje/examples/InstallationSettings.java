package dev.engranaje.examples;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The settings file a flagship model's first task loads ({@code rpa:runtime.load-settings:1}), as
 * an installation keeps it in its {@code config} area: here written by a stack from the peers it
 * started, so a timer start (which carries no variables) reaches them too. Secrets stay references.
 */
public final class InstallationSettings {
  /** The area the models read their settings file from, e.g. {@code config:supplier-payment.yaml}. */
  public static final String AREA = "config";

  private static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

  private InstallationSettings() {}

  /** The folder of area {@value #AREA} below a stack's root. */
  public static Path folder(Path root) {
    return root.resolve(AREA);
  }

  /**
   * Writes {@code settings} as {@code <processId>.yaml} into the {@value #AREA} folder below {@code root}.
   *
   * @return the file written
   */
  public static Path write(Path root, String processId, Map<String, Object> settings) throws IOException {
    Path file = Files.createDirectories(folder(root)).resolve(processId + ".yaml");
    Files.writeString(file, "# Settings of " + processId + " for starts that do not give them (the timer start);"
        + " see docs/workers/runtime.md\n" + YAML.writeValueAsString(settings));
    return file;
  }
}
