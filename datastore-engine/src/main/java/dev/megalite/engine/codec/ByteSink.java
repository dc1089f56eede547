package dev.megalite.engine.codec;

import java.util.Arrays;

/** A growable byte buffer; reused across encodings on hot paths to avoid allocation. */
public final class ByteSink {
  private byte[] buf;
  private int len;

  public ByteSink() {
    this(64);
  }

  public ByteSink(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  public int length() {
    return len;
  }

  /** Drops everything written, keeping the capacity. */
  public ByteSink reset() {
    len = 0;
    return this;
  }

  /** Cuts the content back to {@code length} bytes. */
  public void truncate(int length) {
    len = length;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }

  public ByteSink write(int b) {
    ensure(1);
    buf[len++] = (byte) b;
    return this;
  }

  public ByteSink write(byte[] b) {
    return write(b, 0, b.length);
  }

  public ByteSink write(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
    return this;
  }

  public ByteSink writeLong(long v) {
    ensure(8);
    for (int i = 7; i >= 0; i--) {
      buf[len++] = (byte) (v >>> (i * 8));
    }
    return this;
  }

  public ByteSink writeVarint(long v) {
    while ((v & ~0x7FL) != 0) {
      write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    return write((int) v);
  }

  /** Inverts every byte from {@code from} to the end. */
  void invertFrom(int from) {
    for (int i = from; i < len; i++) {
      buf[i] = (byte) ~buf[i];
    }
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }
}
