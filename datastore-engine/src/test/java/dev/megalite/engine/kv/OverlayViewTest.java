package dev.megalite.engine.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.error.StorageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link OverlayView} against a model: a sorted map holding the base with the patch applied. */
class OverlayViewTest {
  private static final byte[] ALPHABET = {0x00, 0x01, 0x02, 0x41, 0x7f, (byte) 0x80, (byte) 0xff};
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void readsAndIterationInBothDirectionsMatchTheBaseWithThePatchApplied(long seed) {
    Random rnd = new Random(seed);
    try (MemoryKeyValueStore store = new MemoryKeyValueStore()) {
      TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
      try (WriteBatch b = store.newWriteBatch()) {
        for (int i = 0; i < 40; i++) {
          byte[] k = randomKey(rnd);
          byte[] v = ("b" + i).getBytes();
          b.put(k, v);
          model.put(k, v);
        }
        store.write(b, false);
      }
      OverlayView.Patch patch = new OverlayView.Patch();
      for (int i = 0; i < 25; i++) {
        byte[] k = randomKey(rnd);
        if (rnd.nextBoolean()) {
          patch.remove(k);
          model.remove(k);
        } else {
          byte[] v = ("p" + i).getBytes();
          patch.put(k, v);
          model.put(k, v);
        }
      }
      try (Snapshot snapshot = store.snapshot()) {
        OverlayView view = new OverlayView(snapshot, patch);
        checkPointReads(view, model, rnd);
        for (int round = 0; round < 30; round++) {
          byte[] lower = rnd.nextInt(4) == 0 ? new byte[0] : randomKey(rnd);
          byte[] upper = rnd.nextInt(4) == 0 ? null : randomKey(rnd);
          if (upper != null && Arrays.compareUnsigned(lower, upper) > 0) {
            byte[] t = lower;
            lower = upper;
            upper = t;
          }
          NavigableMap<byte[], byte[]> range = upper == null
              ? model.tailMap(lower, true)
              : model.subMap(lower, true, upper, false);
          checkScans(view, lower, upper, range);
          checkRandomWalk(view, lower, upper, range, rnd);
        }
      }
    }
  }

  @Test
  void anEmptyPatchReadsLikeTheBaseAndAClosedIteratorRefusesCalls() {
    try (MemoryKeyValueStore store = new MemoryKeyValueStore()) {
      try (WriteBatch b = store.newWriteBatch()) {
        b.put(new byte[] {1}, new byte[] {9});
        store.write(b, false);
      }
      OverlayView view = new OverlayView(store, new OverlayView.Patch());
      assertThat(view.get(new byte[] {1})).containsExactly(9);
      KvIterator it = view.iterator(new byte[0], null);
      it.seekToFirst();
      assertThat(it.key()).containsExactly(1);
      it.close();
      assertThatThrownBy(it::valid).isInstanceOf(StorageException.class);
    }
  }

  private static void checkPointReads(
      OverlayView view, TreeMap<byte[], byte[]> model, Random rnd) {
    List<byte[]> keys = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      byte[] k = randomKey(rnd);
      keys.add(k);
      assertThat(hex(view.get(k))).as("get %s", hex(k)).isEqualTo(hex(model.get(k)));
    }
    List<byte[]> values = view.multiGet(keys);
    for (int i = 0; i < keys.size(); i++) {
      assertThat(hex(values.get(i))).isEqualTo(hex(model.get(keys.get(i))));
    }
  }

  private static void checkScans(
      OverlayView view, byte[] lower, byte[] upper, NavigableMap<byte[], byte[]> range) {
    List<String> expected = new ArrayList<>();
    range.forEach((k, v) -> expected.add(hex(k) + "=" + hex(v)));
    List<String> forward = new ArrayList<>();
    List<String> backward = new ArrayList<>();
    try (KvIterator it = view.iterator(lower, upper)) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        forward.add(hex(it.key()) + "=" + hex(it.value()));
      }
      byte[] last = upper == null ? new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0} : upper;
      for (it.seekForPrev(last); it.valid(); it.prev()) {
        backward.add(0, hex(it.key()) + "=" + hex(it.value()));
      }
    }
    assertThat(forward).isEqualTo(expected);
    assertThat(backward).isEqualTo(expected);
  }

  /** Seeks and steps at random in both directions, comparing every position with the model. */
  private static void checkRandomWalk(OverlayView view, byte[] lower, byte[] upper,
      NavigableMap<byte[], byte[]> range, Random rnd) {
    try (KvIterator it = view.iterator(lower, upper)) {
      byte[] at = null;
      for (int step = 0; step < 60; step++) {
        int op = at == null ? rnd.nextInt(2) : rnd.nextInt(4);
        String what;
        switch (op) {
          case 0 -> {
            byte[] t = randomKey(rnd);
            it.seek(t);
            at = range.ceilingKey(t);
            what = "seek " + hex(t);
          }
          case 1 -> {
            byte[] t = randomKey(rnd);
            it.seekForPrev(t);
            at = range.floorKey(t);
            what = "seekForPrev " + hex(t);
          }
          case 2 -> {
            it.next();
            at = range.higherKey(at);
            what = "next";
          }
          default -> {
            it.prev();
            at = range.lowerKey(at);
            what = "prev";
          }
        }
        assertThat(it.valid()).as("valid after %s", what).isEqualTo(at != null);
        if (at != null) {
          assertThat(hex(it.key())).as("key after %s", what).isEqualTo(hex(at));
          assertThat(hex(it.value())).isEqualTo(hex(range.get(at)));
        }
      }
    }
  }

  private static byte[] randomKey(Random rnd) {
    byte[] k = new byte[1 + rnd.nextInt(3)];
    for (int i = 0; i < k.length; i++) {
      k[i] = ALPHABET[rnd.nextInt(ALPHABET.length)];
    }
    return k;
  }

  private static String hex(byte[] b) {
    return b == null ? "null" : HEX.formatHex(b);
  }
}
