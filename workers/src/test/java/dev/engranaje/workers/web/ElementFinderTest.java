package dev.engranaje.workers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.engranaje.workers.api.TechnicalFailure;
import dev.engranaje.workers.web.ElementFinder.State;
import dev.engranaje.workers.web.ElementFinder.StepRef;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

class ElementFinderTest {
  private static final String REPLACE_NODE = "var old = document.getElementById('frame-text');"
      + " var fresh = document.createElement('p'); fresh.id = 'frame-text'; fresh.textContent = 'replaced';"
      + " old.parentNode.replaceChild(fresh, old);";
  private static PortalServer portal;
  private BrowserSession session;

  @BeforeAll
  static void start() throws IOException {
    portal = new PortalServer("unused-password");
  }

  @AfterAll
  static void stop() {
    portal.close();
  }

  @AfterEach
  void closeSession() {
    if (session != null) {
      session.close();
    }
  }

  private WebDriver open(BrowserKind kind) throws IOException {
    Browsers.assumeAvailable(kind);
    session = kind == BrowserKind.CHROMIUM
        ? new ChromiumSession(WebWorkerConfig.DEFAULT.chromiumBinary(), WebWorkerConfig.DEFAULT.chromedriver())
        : new HtmlUnitSession();
    session.driver().get(portal.url() + "/frame");
    return session.driver();
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldFindTheElementAgainWhenItWentStaleBetweenFindAndAction(BrowserKind kind) throws Exception {
    WebDriver driver = open(kind);
    ElementFinder finder = new ElementFinder(driver, Clock.systemUTC());
    AtomicInteger attempts = new AtomicInteger();

    String text = finder.act(new StepRef(1, "extract"), Target.of("css=#frame-text"), State.PRESENT, Duration.ofSeconds(5), e -> {
      if (attempts.incrementAndGet() == 1) {
        ((JavascriptExecutor) driver).executeScript(REPLACE_NODE);
      }
      return e.getText();
    });

    assertThat(text).isEqualTo("replaced");
    assertThat(attempts).hasValue(2);
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldUseTheNextSelectorOfTheChainWhenTheFirstFindsNothing(BrowserKind kind) throws Exception {
    WebDriver driver = open(kind);
    ElementFinder finder = new ElementFinder(driver, Clock.systemUTC());

    String text = finder.act(new StepRef(1, "extract"), Target.of("css=#nothing", "xpath=//p[@id='nope']", "text=Help inside the frame"),
        State.VISIBLE, Duration.ofSeconds(2), e -> e.getText());

    assertThat(text).isEqualTo("Help inside the frame");
  }

  @ParameterizedTest
  @EnumSource(BrowserKind.class)
  void shouldFailPermanentlyNamingTheSelectorWhenTheSelectorIsInvalid(BrowserKind kind) throws Exception {
    WebDriver driver = open(kind);
    ElementFinder finder = new ElementFinder(driver, Clock.systemUTC());

    TechnicalFailure failure = catchThrowableOfType(TechnicalFailure.class, () -> finder.act(new StepRef(4, "click"),
        Target.of("xpath=//p[@id='unclosed'"), State.PRESENT, Duration.ofSeconds(1), e -> null));

    assertThat(failure.isRetryable()).isFalse();
    assertThat(failure.getMessage()).startsWith("Expected step 4 (click) to use valid selectors, but the browser refused xpath=//p[@id='unclosed':");
  }
}
