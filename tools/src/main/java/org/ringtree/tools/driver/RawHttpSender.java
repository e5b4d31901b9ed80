package org.ringtree.tools.driver;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The load generator's sender: requests built before the clock starts, written whole on persistent
 * HTTP/1.1 connections, each connection owned by one thread that blocks on its socket. On the two
 * cores the generator shares with the platform, the JDK's HttpClient (selector thread, executor
 * hand-offs, future chains) used as much CPU per webhook as the platform's own request threads;
 * this costs one queue hand-off and a write and a read per request. Requests queue while every
 * connection is busy, so a slow platform still shows up as latency (the schedule is open-loop).
 */
final class RawHttpSender implements AutoCloseable {

  /** Told once per request: the status code, or the failure (then status is -1). */
  interface Completion {
    void done(int status, Exception failure);
  }

  private record Job(byte[] request, Completion completion) {}

  private static final Job STOP = new Job(new byte[0], (s, f) -> {});

  private final String host;
  private final int port;
  private final LinkedBlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
  private final List<Thread> connections = new ArrayList<>();

  RawHttpSender(URI base, int connectionCount) {
    this.host = base.getHost();
    this.port = base.getPort() > 0 ? base.getPort() : 80;
    if (!"http".equals(base.getScheme())) {
      throw new IllegalArgumentException("the load generator speaks plain http only: " + base);
    }
    for (int i = 0; i < connectionCount; i++) {
      Thread t = new Thread(this::serve, "load-connection-" + i);
      t.setDaemon(true);
      t.start();
      connections.add(t);
    }
  }

  /** A complete HTTP/1.1 POST of a form, ready to write on a connection to {@code base}. */
  static byte[] formPost(URI base, String pathAndQuery, String form, Map<String, String> headers) {
    byte[] body = form.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(256 + form.length());
    head.append("POST ").append(pathAndQuery).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(base.getAuthority()).append("\r\n");
    head.append("Content-Type: application/x-www-form-urlencoded\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, message, 0, headBytes.length);
    System.arraycopy(body, 0, message, headBytes.length, body.length);
    return message;
  }

  /** Queues the request for the next free connection. */
  void send(byte[] request, Completion completion) {
    jobs.add(new Job(request, completion));
  }

  @Override
  public void close() {
    connections.forEach(t -> jobs.add(STOP));
  }

  private void serve() {
    Socket socket = null;
    InputStream in = null;
    try {
      while (true) {
        Job job = jobs.take();
        if (job == STOP) {
          return;
        }
        try {
          if (socket == null) {
            socket = connect();
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
          }
          socket.getOutputStream().write(job.request());
          Response r = Response.read(in);
          if (r.closes()) {
            closeQuietly(socket);
            socket = null;
          }
          job.completion().done(r.status(), null);
        } catch (IOException | RuntimeException e) {
          closeQuietly(socket);
          socket = null;
          job.completion().done(-1, e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(socket);
    }
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.setSoTimeout(30_000);
    s.connect(new InetSocketAddress(host, port), 5_000);
    return s;
  }

  private static void closeQuietly(Socket s) {
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // the connection is being dropped anyway
      }
    }
  }

  /** The parts of a response the generator needs: its status, and whether the server closes. */
  record Response(int status, boolean closes) {

    /** Reads one whole response (status line, headers, body by length or chunks). */
    static Response read(InputStream in) throws IOException {
      String statusLine = line(in);
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
        throw new IOException("not an HTTP/1.x response: " + statusLine);
      }
      int status = Integer.parseInt(parts[1]);
      long length = -1;
      boolean chunked = false;
      boolean closes = parts[0].equals("HTTP/1.0");
      for (String header = line(in); !header.isEmpty(); header = line(in)) {
        int colon = header.indexOf(':');
        if (colon < 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.contains("chunked");
          case "connection" -> closes = value.contains("close");
          default -> {}
        }
      }
      if (chunked) {
        for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
          skip(in, size + 2);
        }
        while (!line(in).isEmpty()) {
          // trailers
        }
      } else if (length >= 0) {
        skip(in, length);
      } else {
        closes = true; // body runs to the end of the connection: not reused
      }
      return new Response(status, closes);
    }

    private static long chunkSize(InputStream in) throws IOException {
      String line = line(in);
      int semicolon = line.indexOf(';');
      return Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).trim(), 16);
    }

    private static void skip(InputStream in, long n) throws IOException {
      long left = n;
      while (left > 0) {
        long skipped = in.skip(left);
        if (skipped <= 0) {
          if (in.read() < 0) {
            throw new IOException("connection closed inside a response body");
          }
          skipped = 1;
        }
        left -= skipped;
      }
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder s = new StringBuilder(64);
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) {
          throw new IOException("connection closed inside a response");
        }
        if (c != '\r') {
          s.append((char) c);
        }
      }
      return s.toString();
    }
  }
}
