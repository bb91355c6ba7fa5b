package dev.engranaje.workers.settings;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.JobType;
import dev.engranaje.workers.api.JobWorker;
import dev.engranaje.workers.api.TechnicalFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Sets the variables a model needs from a settings file in the workspace (YAML or JSON), for an
 * instance whose start gave none or only some of them: a timer start carries no variables, a
 * message or a person starting by hand may give a few. Only the variables the instance does not
 * have yet are set (a variable given as {@code null} counts as given), so whoever started it
 * overrides the file. Returns them as they are, plus {@code settingsApplied}, the names it set,
 * sorted.
 *
 * <p>A missing file, a file that is not a map, an unquoted decimal number or a literal value under a
 * secret's key (passwords and the like must be {@code secrets.NAME} references) is a permanent
 * failure, an incident naming the file and the key: the installation is wrong, and retrying cannot
 * fix it. Thread-safe (stateless).
 */
@JobType("rpa:runtime.load-settings:1")
public final class LoadSettingsWorker implements JobWorker<LoadSettingsWorker.Input, Map<String, Object>> {
  static final String MISSING = "Expected the settings file '%s' in the workspace, but it does not exist; write it"
      + " (see docs/workers/runtime.md, \"Settings for timer starts\") or give its variables when starting";
  static final String APPLIED = "settingsApplied";

  /**
   * What to load.
   *
   * @param settingsFile the workspace reference of the settings file, e.g. {@code config:supplier-payment.yaml}
   * @param given every other variable of the instance (the worker asks for all of them, having an
   *     any-setter component), to know which settings the start already gave
   */
  public record Input(String settingsFile, @JsonAnySetter Map<String, Object> given) {
    public Input {
      given = given == null ? Map.of() : given;
    }
  }

  @Override
  public Class<Input> inputType() {
    return Input.class;
  }

  @Override
  public Map<String, Object> handle(Input input, JobContext context) throws TechnicalFailure, IOException {
    Path file = context.workspace().resolve(input.settingsFile());
    if (!Files.isRegularFile(file)) {
      throw TechnicalFailure.permanent(String.format(MISSING, input.settingsFile()));
    }
    Map<String, Object> settings;
    try {
      settings = SettingsFile.read(file, input.settingsFile());
    } catch (SettingsFile.InvalidSettings e) {
      throw TechnicalFailure.permanent(e.getMessage(), e);
    }
    Map<String, Object> missing = new LinkedHashMap<>();
    settings.forEach((name, value) -> {
      // task headers are merged into the input too; only a process variable counts as given
      boolean given = input.given().containsKey(name) && !context.job().headers().containsKey(name);
      if (!given) {
        missing.put(name, value);
      }
    });
    missing.put(APPLIED, new TreeSet<>(missing.keySet()).stream().toList());
    return missing;
  }
}
