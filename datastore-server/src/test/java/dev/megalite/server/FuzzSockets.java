package dev.megalite.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Clients that hang up on the server for {@link FuzzTest}: half a request line, headers promising
 * a body that never comes, a whole request closed before the answer, half an HTTP/2 preface, or
 * noise, each closed politely or with a reset.
 */
final class FuzzSockets {
  private static final String HEAD = "POST /v1/projects/fuzz-a:commit HTTP/1.1\r\nHost: fuzz\r\n"
      + "Content-Type: application/x-protobuf\r\nContent-Length: ";
  private static final String PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

  private final int port;
  private final Random r;

  FuzzSockets(int port, Random r) {
    this.port = port;
    this.r = r;
  }

  void hangUps(int count) {
    for (int i = 0; i < count; i++) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        if (r.nextBoolean()) {
          s.setSoLinger(true, 0); // close with a reset instead of a FIN
        }
        OutputStream out = s.getOutputStream();
        byte[] partial = switch (r.nextInt(5)) {
          case 0 -> half(HEAD.getBytes(StandardCharsets.US_ASCII));
          case 1 -> concat((HEAD + "1000\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
              noise(100));
          case 2 -> concat((HEAD + "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII), new byte[0]);
          case 3 -> concat(half(PREFACE.getBytes(StandardCharsets.US_ASCII)), noise(r.nextInt(3)));
          default -> noise(1 + r.nextInt(300));
        };
        out.write(partial);
        out.flush();
      } catch (IOException e) {
        // The server may hang up first on noise; that is its right.
      }
    }
  }

  private byte[] half(byte[] b) {
    return java.util.Arrays.copyOf(b, 1 + r.nextInt(b.length - 1));
  }

  private byte[] noise(int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return b;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
