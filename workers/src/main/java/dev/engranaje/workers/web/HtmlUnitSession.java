package dev.engranaje.workers.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.htmlunit.BrowserVersion;
import org.htmlunit.Page;
import org.htmlunit.SilentCssErrorHandler;
import org.htmlunit.WebClient;
import org.htmlunit.WebResponse;
import org.htmlunit.attachment.AttachmentHandler;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;

/**
 * An embedded HtmlUnit browser with JavaScript. It cannot take screenshots. A response marked as an
 * attachment ({@code Content-Disposition: attachment}) is not shown but written to the job's
 * download directory, so a download step gets the server's exact bytes.
 */
final class HtmlUnitSession implements BrowserSession {
  private final HtmlUnitDriver driver;
  private volatile Path downloads;
  private int uses;

  HtmlUnitSession() {
    driver = new HtmlUnitDriver(BrowserVersion.BEST_SUPPORTED, true);
    WebClient client = driver.getWebClient();
    client.setCssErrorHandler(new SilentCssErrorHandler());
    client.getOptions().setThrowExceptionOnScriptError(false);
    client.setAttachmentHandler(new CapturingAttachments());
  }

  @Override
  public BrowserKind kind() {
    return BrowserKind.HTMLUNIT;
  }

  @Override
  public WebDriver driver() {
    return driver;
  }

  @Override
  public void downloadsTo(Path directory) {
    downloads = directory;
  }

  @Override
  public Optional<byte[]> screenshot() {
    return Optional.empty();
  }

  @Override
  public void reset(Set<String> origins) {
    List<String> handles = new ArrayList<>(driver.getWindowHandles());
    for (String handle : handles.subList(1, handles.size())) {
      driver.switchTo().window(handle).close();
    }
    driver.switchTo().window(handles.get(0));
    driver.get("about:blank");
    WebClient client = driver.getWebClient();
    client.getCookieManager().clearCookies();
    client.getCache().clear();
    client.getStorageHolder().getSessionStorage(client.getCurrentWindow().getTopWindow()).clear();
    for (String origin : origins) {
      try {
        client.getStorageHolder().getLocalStorage(new URL(origin + "/")).clear();
      } catch (java.net.MalformedURLException e) {
        throw new IllegalStateException("Expected a URL origin, but got " + origin, e);
      }
    }
    downloads = null;
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
    } catch (RuntimeException ignored) {
      // the session is being thrown away; nothing more to release
    }
  }

  /** Writes each attachment to the current download directory instead of opening it as a page. */
  private final class CapturingAttachments implements AttachmentHandler {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean handleAttachment(WebResponse response, String attachmentFilename) {
      Path directory = downloads;
      if (directory == null) {
        return false;
      }
      String name = DownloadNames.sanitize(attachmentFilename != null ? attachmentFilename : lastSegment(response));
      try (InputStream content = response.getContentAsStream()) {
        Path partial = directory.resolve(name + DownloadNames.PARTIAL_SUFFIX);
        Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot save the download " + name, e);
      }
      return true;
    }

    @Override
    public void handleAttachment(Page page, String attachmentFilename) {
      handleAttachment(page.getWebResponse(), attachmentFilename);
    }

    private String lastSegment(WebResponse response) {
      String path = response.getWebRequest().getUrl().getPath();
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }
}
