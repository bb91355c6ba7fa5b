package dev.engranaje.workers.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium driven by the system's chromedriver, with a fresh profile in a temporary
 * directory (deleted on close). The driver log is discarded because at verbose levels it would hold
 * typed text. Downloads go to the job's directory through the DevTools command {@code
 * Browser.setDownloadBehavior}, set per job because a session serves many jobs.
 */
final class ChromiumSession implements BrowserSession {
  static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
      "--disable-quic", "--window-size=1280,1024");
  static final String MISSING =
      "Expected %s at %s for a script that runs in chromium, but it is missing; install chromium and"
          + " chromedriver, configure their paths, or run the script in htmlunit";

  private final Path profile;
  private final ChromeDriver driver;
  private int uses;

  ChromiumSession(Path binary, Path chromedriver) throws IOException {
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(String.format(MISSING, "Chromium", binary));
    }
    if (!Files.isExecutable(chromedriver)) {
      throw new IllegalStateException(String.format(MISSING, "chromedriver", chromedriver));
    }
    profile = Files.createTempDirectory("engranaje-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary.toFile());
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of(
        "download.default_directory", profile.resolve("downloads").toString(),
        "download.prompt_for_download", false,
        "credentials_enable_service", false,
        "profile.password_manager_enabled", false,
        "profile.password_manager_leak_detection", false));
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      deleteProfile();
      throw e;
    }
  }

  @Override
  public BrowserKind kind() {
    return BrowserKind.CHROMIUM;
  }

  @Override
  public WebDriver driver() {
    return driver;
  }

  @Override
  public void downloadsTo(Path directory) {
    driver.executeCdpCommand("Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", directory.toAbsolutePath().toString()));
  }

  @Override
  public Optional<byte[]> screenshot() {
    return Optional.of(driver.getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void reset(Set<String> origins) {
    List<String> handles = new ArrayList<>(driver.getWindowHandles());
    for (String handle : handles.subList(1, handles.size())) {
      driver.switchTo().window(handle).close();
    }
    driver.switchTo().window(handles.get(0));
    driver.get("about:blank");
    driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
    for (String origin : origins) {
      driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
    }
  }

  @Override
  public int uses() {
    return uses;
  }

  @Override
  public void countUse() {
    uses++;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } catch (WebDriverException ignored) {
      // the browser may already be gone; its profile is deleted below either way
    }
    deleteProfile();
  }

  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(ChromiumSession::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // a leftover temporary profile is harmless; nothing to report to the job
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
