package dev.megalite.engine.query;

import dev.megalite.engine.codec.Bytes;
import java.util.Arrays;

/** A branch's source whose positions carry the branch's constant sort prefix (query order). */
final class BranchSource implements Source {
  private final Source source;
  private final byte[] prefix;
  private boolean exhausted;

  BranchSource(Source source, byte[] prefix) {
    this.source = source;
    this.prefix = prefix;
  }

  Source inner() {
    return source;
  }

  @Override
  public boolean next() {
    return !exhausted && source.next();
  }

  @Override
  public byte[] rowKey() {
    return source.rowKey();
  }

  @Override
  public int pathStart() {
    return source.pathStart();
  }

  @Override
  public int valueStart() {
    return source.valueStart();
  }

  @Override
  public byte[] rowValue() {
    return source.rowValue();
  }

  @Override
  public byte[] position() {
    return prefix.length == 0 ? source.position() : Bytes.concat(prefix, source.position());
  }

  @Override
  public void seekAfter(byte[] position) {
    if (Bytes.startsWith(position, prefix)) {
      source.seekAfter(Arrays.copyOfRange(position, prefix.length, position.length));
    } else if (Bytes.compare(position, prefix) > 0) {
      exhausted = true;
    }
  }

  @Override
  public void close() {
    source.close();
  }
}
