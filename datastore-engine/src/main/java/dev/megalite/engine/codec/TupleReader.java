package dev.megalite.engine.codec;

import dev.megalite.api.Key;
import dev.megalite.api.PathElement;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.StorageException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads tuples written by {@link TupleWriter}, element by element. */
public final class TupleReader {
  private final byte[] buf;
  private int pos;

  public TupleReader(byte[] buf) {
    this(buf, 0);
  }

  public TupleReader(byte[] buf, int pos) {
    this.buf = buf;
    this.pos = pos;
  }

  public int position() {
    return pos;
  }

  public void position(int pos) {
    this.pos = pos;
  }

  public boolean atEnd() {
    return pos >= buf.length;
  }

  public Keyspace keyspace() {
    Keyspace k = Keyspace.of(buf[pos]);
    if (k == null) {
      throw corrupt("unknown keyspace prefix " + (buf[pos] & 0xFF));
    }
    pos++;
    return k;
  }

  public String name() {
    expect(Tags.NAME, "name");
    return cachedText();
  }

  /** A terminated key path. */
  public List<PathElement> path() {
    List<PathElement> out = new ArrayList<>(4);
    while (buf[pos] != Tags.END) {
      String kind = cachedText();
      byte t = buf[pos++];
      if (t == Tags.PATH_ID) {
        out.add(PathElement.of(kind, readLong()));
      } else if (t == Tags.PATH_NAME) {
        out.add(PathElement.of(kind, new String(unescape(), StandardCharsets.UTF_8)));
      } else {
        throw corrupt("bad path element tag " + t);
      }
    }
    pos++;
    return out;
  }

  /** An ascending value element; {@code meaning} comes from the index row's value. */
  public Value value(int meaning) {
    byte tag = buf[pos++];
    switch (tag) {
      case Tags.NULL:
        return Value.ofNull();
      case Tags.INT:
        long n = readLong() ^ Long.MIN_VALUE;
        return meaning == Tags.MEANING_TIMESTAMP ? new TimestampValue(n, true) : Value.of(n);
      case Tags.BOOLEAN:
        return Value.of(buf[pos++] != 0);
      case Tags.STRING:
        byte[] s = unescape();
        return meaning == Tags.MEANING_BYTES
            ? Value.of(s)
            : Value.of(new String(s, StandardCharsets.UTF_8));
      case Tags.DOUBLE:
        return Value.of(TupleWriter.unorderedDouble(readLong()));
      case Tags.GEO:
        double lat = TupleWriter.unorderedDouble(readLong());
        return Value.geoPoint(lat, TupleWriter.unorderedDouble(readLong()));
      case Tags.USER:
        String email = new String(unescape(), StandardCharsets.UTF_8);
        String domain = new String(unescape(), StandardCharsets.UTF_8);
        return new dev.megalite.api.UserValue(email, domain, true);
      case Tags.KEY:
        return Value.of(key());
      default:
        throw corrupt("unknown value tag " + (tag & 0xFF));
    }
  }

  private Key key() {
    String project = cachedText();
    String namespace = cachedText();
    return Key.of(project, namespace, path());
  }

  /**
   * Skips one value element, ascending or (when {@code inverted}) bitwise inverted, and returns
   * the position after it.
   */
  public int skipValue(boolean inverted) {
    int tag = at(pos++, inverted);
    switch (tag) {
      case Tags.NULL -> {}
      case Tags.INT, Tags.DOUBLE -> pos += 8;
      case Tags.BOOLEAN -> pos += 1;
      case Tags.STRING -> skipTerminated(inverted);
      case Tags.GEO -> pos += 16;
      case Tags.USER -> {
        skipTerminated(inverted);
        skipTerminated(inverted);
      }
      case Tags.KEY & 0xFF -> {
        skipTerminated(inverted);
        skipTerminated(inverted);
        skipPath(inverted);
      }
      default -> throw corrupt("unknown value tag " + tag);
    }
    if (pos > buf.length) {
      throw corrupt("value runs past the end of the key");
    }
    return pos;
  }

  /**
   * Skips a terminated, ascending path and returns where its last element starts (-1 for an empty
   * path); the reader is left after the path.
   */
  public int skipPathToLastElement() {
    int last = -1;
    while (at(pos, false) != Tags.END) {
      last = pos;
      skipTerminated(false);
      int t = at(pos++, false);
      if (t == Tags.PATH_ID) {
        pos += 8;
      } else if (t == Tags.PATH_NAME) {
        skipTerminated(false);
      } else {
        throw corrupt("bad path element tag " + t);
      }
    }
    pos++;
    return last;
  }

  /** Skips a terminated path and returns the position after it. */
  public int skipPath(boolean inverted) {
    while (at(pos, inverted) != Tags.END) {
      skipTerminated(inverted);
      int t = at(pos++, inverted);
      if (t == Tags.PATH_ID) {
        pos += 8;
      } else if (t == Tags.PATH_NAME) {
        skipTerminated(inverted);
      } else {
        throw corrupt("bad path element tag " + t);
      }
    }
    return ++pos;
  }

  private int at(int i, boolean inverted) {
    if (i >= buf.length) {
      throw corrupt("key ends inside an element");
    }
    int b = buf[i] & 0xFF;
    return inverted ? (~b & 0xFF) : b;
  }

  private void skipTerminated(boolean inverted) {
    while (at(pos, inverted) != 0) {
      pos++;
    }
    pos++;
  }

  private void expect(byte tag, String what) {
    if (buf[pos] != tag) {
      throw corrupt("expected a " + what + " element at byte " + pos);
    }
    pos++;
  }

  private long readLong() {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos++] & 0xFF);
    }
    return v;
  }

  /**
   * An escaped, terminated name (a project, namespace, kind or property name), through the
   * {@link NameCache}; a name with escapes (a 00 or 01 byte, rare) is unescaped first.
   */
  private String cachedText() {
    int start = pos;
    int end = start;
    while (buf[end] != 0x00 && buf[end] != 0x01) {
      end++;
    }
    if (buf[end] == 0x00) {
      pos = end + 1;
      return NameCache.shared().text(buf, start, end - start);
    }
    byte[] unescaped = unescape();
    return NameCache.shared().text(unescaped, 0, unescaped.length);
  }

  private byte[] unescape() {
    ByteArrayOutputStream out = null;
    int start = pos;
    while (true) {
      byte b = buf[pos];
      if (b == 0x00) {
        break;
      }
      if (b == 0x01) {
        if (out == null) {
          out = new ByteArrayOutputStream();
          out.write(buf, start, pos - start);
        }
        out.write(buf[pos + 1] - 1);
        pos += 2;
      } else {
        if (out != null) {
          out.write(b);
        }
        pos++;
      }
    }
    byte[] result;
    if (out == null) {
      result = new byte[pos - start];
      System.arraycopy(buf, start, result, 0, result.length);
    } else {
      result = out.toByteArray();
    }
    pos++;
    return result;
  }

  private StorageException corrupt(String what) {
    return new StorageException("corrupt storage key: " + what);
  }
}
