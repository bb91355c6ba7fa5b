package dev.engranaje.workers.mail;

import java.util.List;

/**
 * The output of {@link FetchMailWorker}: small variables only; bodies and attachments are workspace
 * files named by reference.
 *
 * @param messages the fetched messages, oldest first
 * @param messageCount how many there are
 * @param skipped messages left on the server (too large), for the model to report or handle
 */
public record FetchMailResult(List<FetchedMail> messages, int messageCount, List<SkippedMail> skipped) {
  public FetchMailResult {
    messages = List.copyOf(messages);
    skipped = List.copyOf(skipped);
  }
}
