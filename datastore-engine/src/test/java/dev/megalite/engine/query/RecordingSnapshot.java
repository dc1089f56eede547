package dev.megalite.engine.query;

import dev.megalite.engine.kv.KvIterator;
import dev.megalite.engine.kv.Snapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot that records the reads made through it (point reads, multi-get batch sizes,
 * iterators opened and still open) and whether it was released; reads go to the real snapshot.
 */
final class RecordingSnapshot implements Snapshot {
  private final Snapshot inner;
  int gets;
  final List<Integer> batches = new ArrayList<>();
  int openIterators;
  int iterators;
  boolean closed;

  RecordingSnapshot(Snapshot inner) {
    this.inner = inner;
  }

  int fetched() {
    return batches.stream().mapToInt(Integer::intValue).sum();
  }

  @Override
  public byte[] get(byte[] key) {
    gets++;
    return inner.get(key);
  }

  @Override
  public List<byte[]> multiGet(List<byte[]> keys) {
    batches.add(keys.size());
    return inner.multiGet(keys);
  }

  @Override
  public KvIterator iterator(byte[] lower, byte[] upper) {
    KvIterator it = inner.iterator(lower, upper);
    openIterators++;
    iterators++;
    return new KvIterator() {
      private boolean done;

      @Override
      public void seekToFirst() {
        it.seekToFirst();
      }

      @Override
      public void seek(byte[] target) {
        it.seek(target);
      }

      @Override
      public void seekForPrev(byte[] target) {
        it.seekForPrev(target);
      }

      @Override
      public void prev() {
        it.prev();
      }

      @Override
      public boolean valid() {
        return it.valid();
      }

      @Override
      public void next() {
        it.next();
      }

      @Override
      public byte[] key() {
        return it.key();
      }

      @Override
      public byte[] value() {
        return it.value();
      }

      @Override
      public void close() {
        if (!done) {
          done = true;
          openIterators--;
        }
        it.close();
      }
    };
  }

  @Override
  public void close() {
    closed = true;
    inner.close();
  }
}
