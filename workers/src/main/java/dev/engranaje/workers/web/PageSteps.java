package dev.engranaje.workers.web;

import dev.engranaje.workers.api.JobContext;
import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.web.ElementFinder.State;
import dev.engranaje.workers.web.ElementFinder.StepRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.WebDriver;

/**
 * The steps that deal with the browser rather than one element: downloads, frames, windows and
 * screenshots.
 *
 * <p>Not thread-safe; one per script run.
 */
final class PageSteps {
  static final String DOWNLOAD_TIMEOUT =
      "Expected step %d (download) to receive a file after clicking %s, but none completed within %s;"
          + " check that the link starts a download (Content-Disposition: attachment)";

  private final BrowserSession session;
  private final WebDriver driver;
  private final ElementFinder finder;
  private final JobContext context;
  private final RunState state;
  private final Path downloads;

  PageSteps(BrowserSession session, ElementFinder finder, JobContext context, RunState state, Path downloads) {
    this.session = session;
    this.driver = session.driver();
    this.finder = finder;
    this.context = context;
    this.state = state;
    this.downloads = downloads;
  }

  void download(StepRef ref, WebStep.Download step, Duration timeout, String saveAs) throws TechnicalFailure, IOException {
    DownloadWatch watch = new DownloadWatch(downloads, context.clock());
    finder.act(ref, step.click(), State.CLICKABLE, timeout, e -> {
      e.click();
      return null;
    });
    Path file = watch.await(timeout).orElseThrow(() -> TechnicalFailure.retryable(
        String.format(DOWNLOAD_TIMEOUT, ref.index(), step.click(), Durations.format(timeout)), null));
    String name = file.getFileName().toString();
    if (context.secrets().redactor().leaks(name)) {
      name = DownloadNames.sanitize(null);
    }
    String reference = saveAs != null ? saveAs : "downloads/" + name;
    Path target = context.workspace().resolveForWriting(reference);
    Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
    state.downloads.put(step.as() != null ? step.as() : name, context.workspace().reference(target));
  }

  void switchFrame(StepRef ref, WebStep.SwitchFrame step, Duration timeout) throws TechnicalFailure {
    switch (step.destination()) {
      case PARENT -> driver.switchTo().parentFrame();
      case TOP -> driver.switchTo().defaultContent();
      default -> finder.act(ref, step.target(), State.PRESENT, timeout, e -> driver.switchTo().frame(e));
    }
  }

  void switchWindow(StepRef ref, WebStep.SwitchWindow step, Duration timeout, String text) throws TechnicalFailure {
    String wanted = switch (step.choice()) {
      case NEW -> "a window opened by this job";
      case ORIGINAL -> "the job's first window";
      case TITLE_CONTAINS -> "a window whose title contains '" + text + "'";
      case URL_CONTAINS -> "a window whose URL contains '" + text + "'";
    };
    String found = finder.until(ref, wanted, timeout, d -> window(step.choice(), text),
        d -> "not there; open windows: " + d.getWindowHandles().size());
    driver.switchTo().window(found);
    state.knownWindows.add(found);
  }

  private String window(WebStep.WindowChoice choice, String text) {
    List<String> handles = new ArrayList<>(driver.getWindowHandles());
    switch (choice) {
      case ORIGINAL:
        return handles.contains(state.originalWindow) ? state.originalWindow : null;
      case NEW: {
        List<String> fresh = handles.stream().filter(h -> !state.knownWindows.contains(h)).toList();
        return fresh.isEmpty() ? null : fresh.get(fresh.size() - 1);
      }
      default: {
        String current = driver.getWindowHandle();
        for (String handle : handles) {
          driver.switchTo().window(handle);
          String value = choice == WebStep.WindowChoice.TITLE_CONTAINS ? driver.getTitle() : driver.getCurrentUrl();
          if (value != null && value.contains(text)) {
            return handle;
          }
        }
        driver.switchTo().window(current);
        return null;
      }
    }
  }

  /** A screenshot step: a PNG from Chromium, the page source from HtmlUnit (which cannot take screenshots). */
  void screenshot(String name) throws TechnicalFailure, IOException {
    state.screenshots.add(savePicture(context.job().jobKey() + "-" + name, "screenshots/"));
  }

  /** Saves the page as {@code folder + baseName + .png} or {@code .html}; returns its reference. */
  String savePicture(String baseName, String folder) throws TechnicalFailure, IOException {
    Optional<byte[]> png = session.screenshot();
    if (png.isPresent()) {
      Path file = context.workspace().resolveForWriting(folder + baseName + ".png");
      Files.write(file, png.get());
      return context.workspace().reference(file);
    }
    return savePageSource(baseName, folder);
  }

  /** Saves the current page's source with every known secret masked; returns its reference. */
  String savePageSource(String baseName, String folder) throws TechnicalFailure, IOException {
    Path file = context.workspace().resolveForWriting(folder + baseName + ".html");
    String source = context.secrets().redactor().redact(driver.getPageSource());
    Files.writeString(file, source == null ? "" : source, StandardCharsets.UTF_8);
    return context.workspace().reference(file);
  }
}
