package org.ringtree.runtime.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A provider's recording URL on loopback: serves a real WAV the browser decodes, whole, ignoring
 * Range as simple storage may (Ringtree answers the ranges itself).
 */
public final class RecordingServer implements AutoCloseable {

  private final HttpServer server;

  private RecordingServer(HttpServer server) {
    this.server = server;
  }

  /** A server of a WAV of {@code seconds} seconds at {@link #url()}. */
  public static RecordingServer start(int seconds) throws IOException {
    byte[] audio = wav(seconds);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/rec.wav",
        x -> {
          x.getResponseHeaders().add("Content-Type", "audio/wav");
          x.sendResponseHeaders(200, audio.length);
          try (OutputStream out = x.getResponseBody()) {
            out.write(audio);
          }
        });
    server.start();
    return new RecordingServer(server);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/rec.wav";
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** A real WAV (8 kHz, 8-bit mono, a 440 Hz tone). */
  static byte[] wav(int seconds) {
    int rate = 8000;
    int n = rate * seconds;
    ByteBuffer b = ByteBuffer.allocate(44 + n).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + n);
    b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16);
    b.putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate);
    b.putShort((short) 1).putShort((short) 8);
    b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(n);
    for (int i = 0; i < n; i++) {
      b.put((byte) (128 + (int) (60 * Math.sin(2 * Math.PI * 440 * i / rate))));
    }
    return b.array();
  }
}
