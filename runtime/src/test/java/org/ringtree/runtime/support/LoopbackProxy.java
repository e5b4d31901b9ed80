package org.ringtree.runtime.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on the loopback address that forwards to one upstream port, and can be cut (every
 * connection closed, nothing accepted) and restored on the same port: a database that goes away
 * mid-call and comes back, without touching the server itself.
 */
public final class LoopbackProxy implements AutoCloseable {

  private final int upstreamPort;
  private final int port;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile ServerSocket listener;

  public LoopbackProxy(int upstreamPort) {
    this.upstreamPort = upstreamPort;
    try {
      ServerSocket first = new ServerSocket();
      first.setReuseAddress(true);
      first.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      this.port = first.getLocalPort();
      listen(first);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /** Closes every connection and stops accepting: clients see resets and refusals. */
  public synchronized void cut() {
    closeQuietly(listener);
    listener = null;
    for (Socket s : open) {
      closeQuietly(s);
    }
    open.clear();
  }

  /** Accepts and forwards again, on the same port. */
  public synchronized void restore() {
    if (listener != null) {
      return;
    }
    try {
      ServerSocket again = new ServerSocket();
      again.setReuseAddress(true);
      again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      listen(again);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    cut();
  }

  private void listen(ServerSocket server) {
    listener = server;
    Thread accept =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                Socket client;
                try {
                  client = server.accept();
                } catch (IOException closed) {
                  return;
                }
                try {
                  Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                  open.add(client);
                  open.add(upstream);
                  pump(client, upstream);
                  pump(upstream, client);
                } catch (IOException upstreamDown) {
                  closeQuietly(client);
                }
              }
            },
            "loopback-proxy-accept-" + port);
    accept.setDaemon(true);
    accept.start();
  }

  private void pump(Socket from, Socket to) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  out.write(buf, 0, n);
                  out.flush();
                }
              } catch (IOException gone) {
                // one side closed or was cut: close the other too
              } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "loopback-proxy-pump");
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}
