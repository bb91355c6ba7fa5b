package dev.engranaje.workers.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server on 127.0.0.1 that misbehaves on purpose, for what GreenMail never does: it
 * answers recipients with a given reply, or reads a whole message and then drops the connection
 * without confirming it. Serves connections one after another until closed.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  /** How the server treats a message. */
  enum Script {
    /** Every RCPT TO gets the given reply code. */
    RECIPIENT_REPLY,
    /** The message is read to its final dot, then the connection is closed without a reply. */
    DROP_AFTER_DATA
  }

  private final ServerSocket socket;
  private final Script script;
  private final String recipientReply;
  private final Thread thread;
  final AtomicInteger messagesRead = new AtomicInteger();

  ScriptedSmtpServer(Script script, String recipientReply) throws IOException {
    this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    this.script = script;
    this.recipientReply = recipientReply;
    this.thread = new Thread(this::serve, "scripted-smtp");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket client = socket.accept()) {
        converse(client);
      } catch (IOException closedOrDropped) {
        // the next connection, or the end when the server socket is closed
      }
    }
  }

  private void converse(Socket client) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
    PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
    reply(out, "220 scripted ESMTP");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
      switch (command) {
        case "EHLO", "HELO" -> reply(out, "250 scripted");
        case "MAIL" -> reply(out, "250 OK");
        case "RCPT" -> reply(out, script == Script.RECIPIENT_REPLY ? recipientReply : "250 OK");
        case "DATA" -> {
          reply(out, "354 go ahead");
          for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
            // read the whole message
          }
          messagesRead.incrementAndGet();
          if (script == Script.DROP_AFTER_DATA) {
            return;
          }
          reply(out, "250 queued");
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "250 OK");
      }
    }
  }

  private static void reply(PrintWriter out, String line) {
    out.print(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
