package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The url-safe key form: App Engine's {@code Reference} protocol buffer (app = 13, path = 14 with
 * element groups of type = 2, id = 3, name = 4, name_space = 20), base64url without padding. Using
 * App Engine's own form means keys copied from an App Engine application or console parse here.
 */
final class KeyUrlCodec {
  private static final int APP = 13 << 3 | 2;
  private static final int PATH = 14 << 3 | 2;
  private static final int NAMESPACE = 20 << 3 | 2;
  private static final int ELEMENT_START = 1 << 3 | 3;
  private static final int ELEMENT_END = 1 << 3 | 4;
  private static final int TYPE = 2 << 3 | 2;
  private static final int ID = 3 << 3;
  private static final int NAME = 4 << 3 | 2;

  private KeyUrlCodec() {}

  static String encode(Key key) {
    ByteArrayOutputStream path = new ByteArrayOutputStream();
    for (PathElement e : key.path()) {
      path.write(ELEMENT_START);
      writeString(path, TYPE, e.kind());
      if (e.hasId()) {
        writeVarint(path, ID);
        writeVarint(path, e.id());
      } else {
        writeString(path, NAME, e.name());
      }
      path.write(ELEMENT_END);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeString(out, APP, key.project());
    writeVarint(out, PATH);
    writeVarint(out, path.size());
    out.writeBytes(path.toByteArray());
    if (!key.namespace().isEmpty()) {
      writeString(out, NAMESPACE, key.namespace());
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
  }

  static Key decode(String text) {
    if (text == null || text.isEmpty()) {
      throw new BadRequestException("url-safe key is empty");
    }
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(text.strip());
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          "url-safe key '" + text + "' is not base64url: " + e.getMessage(), e);
    }
    try {
      return parse(new Reader(bytes));
    } catch (IndexOutOfBoundsException e) {
      throw new BadRequestException("url-safe key '" + text + "' is truncated", e);
    } catch (BadRequestException e) {
      throw new BadRequestException(
          "url-safe key '" + text + "' is invalid: " + e.getMessage(), e);
    }
  }

  private static Key parse(Reader in) {
    String app = null;
    String namespace = "";
    List<PathElement> path = null;
    while (in.more()) {
      int tag = (int) in.varint();
      switch (tag) {
        case APP -> app = in.string();
        case NAMESPACE -> namespace = in.string();
        case PATH -> {
          int end = in.pos + (int) in.varint();
          path = new ArrayList<>();
          while (in.pos < end) {
            if (in.varint() != ELEMENT_START) {
              throw new BadRequestException("expected a path element at byte " + in.pos);
            }
            path.add(element(in));
          }
        }
        default -> throw new BadRequestException("unexpected field tag " + tag);
      }
    }
    if (app == null || path == null) {
      throw new BadRequestException("it lacks the " + (app == null ? "project" : "path"));
    }
    return Key.of(app, namespace, path);
  }

  private static PathElement element(Reader in) {
    String kind = null;
    long id = 0;
    String name = null;
    while (true) {
      int tag = (int) in.varint();
      switch (tag) {
        case TYPE -> kind = in.string();
        case ID -> id = in.varint();
        case NAME -> name = in.string();
        case ELEMENT_END -> {
          if (kind == null) {
            throw new BadRequestException("a path element has no kind");
          }
          return name != null ? PathElement.of(kind, name) : PathElement.of(kind, id);
        }
        default -> throw new BadRequestException("unexpected path element tag " + tag);
      }
    }
  }

  private static void writeString(ByteArrayOutputStream out, int tag, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    writeVarint(out, tag);
    writeVarint(out, b.length);
    out.writeBytes(b);
  }

  private static void writeVarint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static final class Reader {
    final byte[] b;
    int pos;

    Reader(byte[] b) {
      this.b = b;
    }

    boolean more() {
      return pos < b.length;
    }

    long varint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte x = b[pos++];
        result |= (long) (x & 0x7F) << shift;
        if ((x & 0x80) == 0) {
          return result;
        }
      }
      throw new BadRequestException("malformed varint at byte " + pos);
    }

    String string() {
      int len = (int) varint();
      if (len < 0 || pos + len > b.length) {
        throw new IndexOutOfBoundsException();
      }
      String s = new String(b, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }
  }
}
