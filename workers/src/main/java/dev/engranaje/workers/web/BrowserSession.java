package dev.engranaje.workers.web;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.openqa.selenium.WebDriver;

/**
 * One live browser, leased to one job at a time from the {@link BrowserPool}.
 *
 * <p>Not thread-safe: used by one job at a time.
 */
sealed interface BrowserSession permits HtmlUnitSession, ChromiumSession {

  BrowserKind kind();

  WebDriver driver();

  /** Where files the page downloads go during the current job. */
  void downloadsTo(Path directory);

  /** A PNG of the current viewport, or empty when the browser cannot take one (HtmlUnit). */
  Optional<byte[]> screenshot();

  /**
   * Forgets everything the last job left: extra windows closed, the page blank, cookies, storage and
   * cache of {@code origins} (the origins the job visited) cleared. Throws when it cannot, and the
   * session is then discarded.
   */
  void reset(Set<String> origins);

  /** How many jobs have used this session. */
  int uses();

  void countUse();

  /** Ends the browser and deletes its temporary files. Never throws. */
  void close();
}
