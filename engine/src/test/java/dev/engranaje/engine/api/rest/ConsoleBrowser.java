package dev.engranaje.engine.api.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the console's browser tests, set up as the web workers set it up (same
 * flags, system /usr/bin/chromium and /usr/bin/chromedriver, no Selenium Manager). Skipped when
 * Chromium is missing unless {@code chromium.required=true}. With {@code -Dconsole.screenshots=DIR}
 * the tests also save the screenshots the documentation shows.
 */
final class ConsoleBrowser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final List<String> FLAGS = List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
      "--disable-quic", "--window-size=1440,1100");
  private static final Duration WAIT = Duration.ofSeconds(20);

  final ChromeDriver driver;
  private final Path profile;

  private ConsoleBrowser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  static void assumeAvailable() {
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      return;
    }
    if (Boolean.getBoolean("chromium.required")) {
      throw new AssertionError("Expected Chromium at " + CHROMIUM + " and chromedriver at " + CHROMEDRIVER
          + " because chromium.required=true, but one is missing");
    }
    Assumptions.abort("Chromium or chromedriver is not installed at " + CHROMIUM + ", " + CHROMEDRIVER);
  }

  static ConsoleBrowser start() throws IOException {
    assumeAvailable();
    Path profile = Files.createTempDirectory("engranaje-console-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
    return new ConsoleBrowser(new ChromeDriver(service, options), profile);
  }

  WebElement await(By locator) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  void awaitText(By locator, String text) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  void awaitGone(By locator) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(locator));
  }

  void login(String base, String user, String password) {
    driver.get(base + "/");
    await(By.id("username")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login")).click();
    await(By.id("who-name"));
    awaitText(By.id("who-name"), user);
  }

  /** Saves a screenshot for the documentation when {@code console.screenshots} names a directory. */
  void screenshot(String name) {
    String directory = System.getProperty("console.screenshots");
    if (directory == null || directory.isBlank()) {
      return;
    }
    try {
      Path target = Path.of(directory).resolve(name);
      Files.createDirectories(target.getParent());
      Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
