/**
 * The web portal worker: {@link dev.engranaje.workers.web.RunWebScriptWorker} runs a declarative
 * step script ({@link dev.engranaje.workers.web.WebStep}) in HtmlUnit or headless Chromium through
 * Selenium WebDriver, with selector fallback chains, waits that survive stale elements, downloads and
 * uploads through the instance workspace, pooled browser sessions and failure evidence.
 */
package dev.engranaje.workers.web;
