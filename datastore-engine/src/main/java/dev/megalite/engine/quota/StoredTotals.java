package dev.megalite.engine.quota;

import dev.megalite.api.error.StorageException;
import dev.megalite.engine.codec.ByteSink;
import dev.megalite.engine.index.CompositeIndex;
import dev.megalite.engine.index.IndexCatalog;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stored-data figures as they are persisted: per kind the entity count, entity-row bytes and
 * built-in index-row bytes; per composite index the bytes of its rows (attributed to the index's
 * kind only when read, so a dropped index's share can be dropped with it). The same layout is the
 * value of the base row (with the next delta id) and of every delta row (with signed changes).
 *
 * <p>Value layout: varint format version (1), varint next delta id (0 in a delta), varint kind
 * count, per kind: varint name length, UTF-8 name, zigzag varints entities, entity bytes, index
 * bytes; varint composite count, per index: 8-byte id, zigzag varint bytes.
 */
final class StoredTotals {
  private static final int FORMAT = 1;

  final Map<String, long[]> kinds = new TreeMap<>();
  final Map<Long, long[]> composite = new TreeMap<>();
  long nextDeltaId;

  void addKind(String kind, long entities, long entityBytes, long indexBytes) {
    long[] k = kinds.computeIfAbsent(kind, x -> new long[3]);
    k[0] += entities;
    k[1] += entityBytes;
    k[2] += indexBytes;
  }

  void addComposite(long indexId, long bytes) {
    composite.computeIfAbsent(indexId, x -> new long[1])[0] += bytes;
  }

  /** Adds every figure of {@code other} (a decoded delta). */
  void add(StoredTotals other) {
    other.kinds.forEach((k, v) -> addKind(k, v[0], v[1], v[2]));
    other.composite.forEach((id, v) -> addComposite(id, v[0]));
  }

  /** Drops zero entries, and composite figures of indexes {@code catalog} no longer has. */
  void prune(IndexCatalog catalog) {
    kinds.values().removeIf(v -> v[0] == 0 && v[1] == 0 && v[2] == 0);
    composite.entrySet().removeIf(
        e -> e.getValue()[0] == 0 || (catalog != null && catalog.byId(e.getKey()) == null));
  }

  /** The figures per kind, composite rows counted with their index's kind, and unknown ones left out. */
  StoredDataUsage usage(IndexCatalog catalog, long limit) {
    Map<String, StoredDataUsage.KindUsage> out = new LinkedHashMap<>();
    Map<String, Long> compositeByKind = compositeByKind(catalog);
    kinds.forEach((k, v) -> out.put(k, new StoredDataUsage.KindUsage(v[0], v[1],
        v[2] + compositeByKind.getOrDefault(k, 0L))));
    compositeByKind.forEach((k, bytes) -> out.putIfAbsent(k,
        new StoredDataUsage.KindUsage(0, 0, bytes)));
    return StoredDataUsage.of(out, limit);
  }

  private Map<String, Long> compositeByKind(IndexCatalog catalog) {
    Map<String, Long> byKind = new LinkedHashMap<>();
    composite.forEach((id, v) -> {
      CompositeIndex index = catalog.byId(id);
      if (index != null) {
        byKind.merge(index.definition().kind(), v[0], Long::sum);
      }
    });
    return byKind;
  }

  byte[] encode() {
    ByteSink out = new ByteSink(32 + kinds.size() * 24 + composite.size() * 12);
    out.writeVarint(FORMAT).writeVarint(nextDeltaId).writeVarint(kinds.size());
    kinds.forEach((k, v) -> {
      byte[] name = k.getBytes(StandardCharsets.UTF_8);
      out.writeVarint(name.length).write(name);
      out.writeVarint(zigzag(v[0])).writeVarint(zigzag(v[1])).writeVarint(zigzag(v[2]));
    });
    out.writeVarint(composite.size());
    composite.forEach((id, v) -> out.writeLong(id).writeVarint(zigzag(v[0])));
    return out.toByteArray();
  }

  static StoredTotals decode(byte[] value) {
    StoredTotals t = new StoredTotals();
    Reader in = new Reader(value);
    try {
      long format = in.varint();
      if (format != FORMAT) {
        throw new StorageException("stored-data row has format " + format + "; expected " + FORMAT);
      }
      t.nextDeltaId = in.varint();
      for (long n = in.varint(); n > 0; n--) {
        t.addKind(in.string(), in.signed(), in.signed(), in.signed());
      }
      for (long n = in.varint(); n > 0; n--) {
        t.addComposite(in.fixed64(), in.signed());
      }
    } catch (ArrayIndexOutOfBoundsException e) {
      throw new StorageException("stored-data row is truncated", e);
    }
    return t;
  }

  static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  /** Reads the varints of a stored accounting value. */
  static final class Reader {
    private final byte[] buf;
    private int pos;

    Reader(byte[] buf) {
      this.buf = buf;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = buf[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
    }

    long signed() {
      long z = varint();
      return (z >>> 1) ^ -(z & 1);
    }

    String string() {
      int len = (int) varint();
      String s = new String(buf, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }

    long fixed64() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (buf[pos++] & 0xFF);
      }
      return v;
    }
  }
}
