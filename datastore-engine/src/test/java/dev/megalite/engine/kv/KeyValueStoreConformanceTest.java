package dev.megalite.engine.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.megalite.api.error.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link KeyValueStore} must have. Subclasses supply the store; persistent
 * ones also override {@link #reopen}.
 */
abstract class KeyValueStoreConformanceTest {
  private static final HexFormat HEX = HexFormat.of();

  protected KeyValueStore store;

  /** A new, empty store; the test closes it. */
  protected abstract KeyValueStore open();

  /**
   * Closes {@code closed} (if still open) and opens the same data again, or returns {@code null}
   * when the store does not persist.
   */
  protected KeyValueStore reopen(KeyValueStore closed) {
    return null;
  }

  @BeforeEach
  void openStore() {
    store = open();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  // Point reads and batches.

  @Test
  void getReturnsWhatABatchPut() {
    put("a", "1");
    assertThat(store.get(k("a"))).isEqualTo(k("1"));
  }

  @Test
  void getOfAnAbsentKeyIsNull() {
    assertThat(store.get(k("missing"))).isNull();
  }

  @Test
  void deleteInABatchRemovesTheKey() {
    put("a", "1");
    try (WriteBatch batch = store.newWriteBatch()) {
      batch.delete(k("a"));
      store.write(batch, false);
    }
    assertThat(store.get(k("a"))).isNull();
  }

  @Test
  void emptyValueIsStoredAndDiffersFromAbsent() {
    try (WriteBatch batch = store.newWriteBatch()) {
      batch.put(k("a"), new byte[0]);
      store.write(batch, false);
    }
    assertThat(store.get(k("a"))).isEmpty();
  }

  @Test
  void laterOperationOnTheSameKeyInABatchWins() {
    put("a", "old");
    try (WriteBatch batch = store.newWriteBatch()) {
      batch.delete(k("a"));
      batch.put(k("a"), k("new"));
      batch.put(k("b"), k("gone"));
      batch.delete(k("b"));
      store.write(batch, true);
    }
    assertThat(store.get(k("a"))).isEqualTo(k("new"));
    assertThat(store.get(k("b"))).isNull();
  }

  @Test
  void batchCountsOperationsAndPayloadBytes() {
    try (WriteBatch batch = store.newWriteBatch()) {
      batch.put(k("ab"), k("cde"));
      batch.delete(k("f"));
      assertThat(batch.count()).isEqualTo(2);
      assertThat(batch.sizeBytes()).isEqualTo(6);
    }
  }

  @Test
  void batchIsInvisibleUntilWritten() {
    try (WriteBatch batch = store.newWriteBatch()) {
      batch.put(k("a"), k("1"));
      assertThat(store.get(k("a"))).isNull();
      store.write(batch, false);
    }
    assertThat(store.get(k("a"))).isEqualTo(k("1"));
  }

  @Test
  void storedAndReturnedArraysAreCopies() {
    byte[] key = k("a");
    byte[] value = k("1");
    try (WriteBatch batch = store.newWriteBatch()) {
      batch.put(key, value);
      key[0] = 'z';
      value[0] = '9';
      store.write(batch, false);
    }
    store.get(k("a"))[0] = '9';
    try (KvIterator it = store.iterator(k(""), null)) {
      it.seekToFirst();
      it.key()[0] = 'z';
      it.value()[0] = '9';
    }
    assertThat(store.get(k("a"))).isEqualTo(k("1"));
    assertThat(store.get(k("z"))).isNull();
  }

  @Test
  void multiGetReturnsValuesInRequestOrderWithNullsForMissingKeys() {
    put("a", "1");
    put("c", "3");
    List<byte[]> values = store.multiGet(List.of(k("c"), k("b"), k("a"), k("c")));
    assertThat(values).hasSize(4);
    assertThat(values.get(0)).isEqualTo(k("3"));
    assertThat(values.get(1)).isNull();
    assertThat(values.get(2)).isEqualTo(k("1"));
    assertThat(values.get(3)).isEqualTo(k("3"));
  }

  @Test
  void multiGetOfNoKeysIsEmpty() {
    assertThat(store.multiGet(List.of())).isEmpty();
  }

  // Ordering and iteration.

  @Test
  void keysSortAsUnsignedBytesWithPrefixesFirst() {
    byte[][] keys = {
      {(byte) 0xff}, {(byte) 0x80}, {0x7f}, {0x01, 0x00}, {0x01}, {0x00}, {(byte) 0x80, 0x00}
    };
    try (WriteBatch batch = store.newWriteBatch()) {
      for (byte[] key : keys) {
        batch.put(key, key);
      }
      store.write(batch, false);
    }
    assertThat(keysIn(new byte[0], null))
        .containsExactly("00", "01", "0100", "7f", "80", "8000", "ff");
  }

  @Test
  void iteratorIncludesLowerBoundAndExcludesUpperBound() {
    putAll("a", "b", "c", "d", "e");
    assertThat(keysIn(k("b"), k("d"))).containsExactly(hex("b"), hex("c"));
  }

  @Test
  void iteratorWithoutUpperBoundRunsToTheLastKey() {
    putAll("a", "b", "c");
    assertThat(keysIn(k("b"), null)).containsExactly(hex("b"), hex("c"));
  }

  @Test
  void iteratorBetweenKeysStartsAtTheNextKey() {
    putAll("a", "c", "e");
    assertThat(keysIn(k("b"), k("d"))).containsExactly(hex("c"));
    assertThat(keysIn(k("f"), null)).isEmpty();
  }

  @Test
  void iteratorReturnsValues() {
    put("a", "1");
    try (KvIterator it = store.iterator(k("a"), null)) {
      it.seekToFirst();
      assertThat(it.valid()).isTrue();
      assertThat(it.key()).isEqualTo(k("a"));
      assertThat(it.value()).isEqualTo(k("1"));
    }
  }

  @Test
  void newIteratorIsNotPositioned() {
    putAll("a");
    try (KvIterator it = store.iterator(k("a"), null)) {
      assertThat(it.valid()).isFalse();
    }
  }

  @Test
  void readingAnUnpositionedIteratorThrowsInsteadOfCrashing() {
    putAll("a");
    try (KvIterator it = store.iterator(k("b"), null)) {
      it.seekToFirst();
      assertThat(it.valid()).isFalse();
      assertThatThrownBy(it::key).isInstanceOf(NoSuchElementException.class);
      assertThatThrownBy(it::value).isInstanceOf(NoSuchElementException.class);
      assertThatThrownBy(it::next).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void seekInsideTheRangeLandsOnTheFirstKeyAtOrAfterTheTarget() {
    putAll("a", "b", "d", "e", "f");
    try (KvIterator it = store.iterator(k("b"), k("f"))) {
      it.seek(k("d"));
      assertThat(it.key()).isEqualTo(k("d"));
      it.seek(k("c"));
      assertThat(it.key()).isEqualTo(k("d"));
      it.next();
      assertThat(it.key()).isEqualTo(k("e"));
      it.next();
      assertThat(it.valid()).isFalse();
    }
  }

  @Test
  void seekBeforeTheLowerBoundClampsToIt() {
    putAll("a", "b", "c");
    try (KvIterator it = store.iterator(k("b"), null)) {
      it.seek(k("a"));
      assertThat(it.key()).isEqualTo(k("b"));
      it.seek(new byte[0]);
      assertThat(it.key()).isEqualTo(k("b"));
    }
  }

  @Test
  void seekAtOrPastTheUpperBoundIsInvalid() {
    putAll("a", "b", "c", "d");
    try (KvIterator it = store.iterator(k("a"), k("c"))) {
      it.seek(k("c"));
      assertThat(it.valid()).isFalse();
      it.seek(k("d"));
      assertThat(it.valid()).isFalse();
      it.seek(k("b"));
      assertThat(it.key()).isEqualTo(k("b"));
    }
  }

  @Test
  void tenThousandKeysIterateBackInOrder() {
    int n = 10_000;
    try (WriteBatch batch = store.newWriteBatch()) {
      // Written in a scrambled order so the store, not the writer, does the sorting.
      for (int i = 0; i < n; i++) {
        int j = (int) ((i * 7_919L) % n);
        batch.put(intKey(j), intKey(j * 2));
      }
      store.write(batch, false);
    }
    int count = 0;
    try (KvIterator it = store.iterator(new byte[0], null)) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        assertThat(it.key()).isEqualTo(intKey(count));
        assertThat(it.value()).isEqualTo(intKey(count * 2));
        count++;
      }
    }
    assertThat(count).isEqualTo(n);
  }

  // Backward iteration.

  @Test
  void seekForPrevExactlyOnAKeyLandsOnIt() {
    putAll("a", "b", "c", "d");
    try (KvIterator it = store.iterator(k("a"), k("d"))) {
      it.seekForPrev(k("b"));
      assertThat(it.key()).isEqualTo(k("b"));
      assertThat(it.value()).isEqualTo(k("b"));
      it.seekForPrev(k("a"));
      assertThat(it.key()).isEqualTo(k("a"));
    }
  }

  @Test
  void seekForPrevBetweenKeysLandsOnTheKeyBefore() {
    putAll("a", "c", "e");
    try (KvIterator it = store.iterator(new byte[0], null)) {
      it.seekForPrev(k("d"));
      assertThat(it.key()).isEqualTo(k("c"));
      it.seekForPrev(k("c\0"));
      assertThat(it.key()).isEqualTo(k("c"));
      it.seekForPrev(k("bzz"));
      assertThat(it.key()).isEqualTo(k("a"));
    }
  }

  @Test
  void seekForPrevAtOrBeyondTheUpperBoundLandsOnTheLastKeyInRange() {
    putAll("a", "b", "c", "d", "e");
    try (KvIterator it = store.iterator(k("b"), k("d"))) {
      for (byte[] target : List.of(k("d"), k("d\0"), k("e"), k("zz"), new byte[] {(byte) 0xff})) {
        it.seekForPrev(target);
        assertThat(it.key()).as("seekForPrev(%s)", HEX.formatHex(target)).isEqualTo(k("c"));
      }
      it.next();
      assertThat(it.valid()).isFalse();
    }
  }

  @Test
  void seekForPrevWithoutAnUpperBoundLandsOnTheLastKey() {
    putAll("a", "b", "c");
    try (KvIterator it = store.iterator(k("b"), null)) {
      it.seekForPrev(new byte[] {(byte) 0xff, (byte) 0xff});
      assertThat(it.key()).isEqualTo(k("c"));
    }
  }

  @Test
  void seekForPrevBelowTheLowerBoundIsInvalidEvenWhenKeysLieThere() {
    putAll("a", "b", "c");
    try (KvIterator it = store.iterator(k("b"), null)) {
      for (byte[] target : List.of(k("a"), k("a\u007f"), new byte[0])) {
        it.seekForPrev(target);
        assertThat(it.valid()).as("seekForPrev(%s)", HEX.formatHex(target)).isFalse();
      }
    }
  }

  @Test
  void seekForPrevOnAnEmptyRangeIsInvalid() {
    putAll("a", "d");
    try (KvIterator between = store.iterator(k("b"), k("c"));
        KvIterator nothing = store.iterator(k("a"), k("a"))) {
      for (byte[] target : List.of(k("a"), k("b"), k("bb"), k("c"), k("z"))) {
        between.seekForPrev(target);
        assertThat(between.valid()).as("[b, c) seekForPrev(%s)", HEX.formatHex(target)).isFalse();
        nothing.seekForPrev(target);
        assertThat(nothing.valid()).as("[a, a) seekForPrev(%s)", HEX.formatHex(target)).isFalse();
      }
    }
  }

  @Test
  void seekForPrevOnAnEmptyStoreIsInvalid() {
    try (KvIterator it = store.iterator(new byte[0], null)) {
      it.seekForPrev(k("z"));
      assertThat(it.valid()).isFalse();
    }
  }

  @Test
  void prevWalksBackToTheFirstKeyInRangeAndThenBecomesInvalid() {
    putAll("a", "b", "c", "d", "e");
    try (KvIterator it = store.iterator(k("b"), k("e"))) {
      List<String> seen = new ArrayList<>();
      for (it.seekForPrev(k("z")); it.valid(); it.prev()) {
        seen.add(new String(it.key(), StandardCharsets.UTF_8));
      }
      assertThat(seen).containsExactly("d", "c", "b");
      assertThatThrownBy(it::prev).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void prevOnAnUnpositionedIteratorThrowsInsteadOfCrashing() {
    putAll("a");
    try (KvIterator it = store.iterator(k("a"), null)) {
      assertThatThrownBy(it::prev).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void seekForPrevThenNextMovesForwardUpToTheUpperBound() {
    putAll("a", "b", "c", "d", "e");
    try (KvIterator it = store.iterator(k("a"), k("e"))) {
      it.seekForPrev(k("bb"));
      assertThat(it.key()).isEqualTo(k("b"));
      it.next();
      assertThat(it.key()).isEqualTo(k("c"));
      it.next();
      assertThat(it.key()).isEqualTo(k("d"));
      it.next();
      assertThat(it.valid()).isFalse();
    }
  }

  @Test
  void changingDirectionRevisitsTheNeighbouringKeys() {
    putAll("a", "b", "c", "d");
    try (KvIterator it = store.iterator(k("a"), null)) {
      it.seek(k("c"));
      it.prev();
      assertThat(it.key()).isEqualTo(k("b"));
      it.next();
      assertThat(it.key()).isEqualTo(k("c"));
      it.next();
      assertThat(it.key()).isEqualTo(k("d"));
      it.prev();
      assertThat(it.key()).isEqualTo(k("c"));
      it.seekToFirst();
      it.prev();
      assertThat(it.valid()).isFalse();
    }
  }

  @Test
  void deletedKeysAreSkippedGoingBackwards() {
    putAll("a", "b", "c", "d", "e", "f");
    store.flush(); // keys on disk, deletions above them
    delete("e");
    store.deleteRange(k("b"), k("d"));
    try (KvIterator it = store.iterator(k("a"), k("f"))) {
      List<String> seen = new ArrayList<>();
      for (it.seekForPrev(k("f")); it.valid(); it.prev()) {
        seen.add(new String(it.key(), StandardCharsets.UTF_8));
      }
      assertThat(seen).containsExactly("d", "a");
      it.seekForPrev(k("c"));
      assertThat(it.key()).isEqualTo(k("a"));
    }
  }

  @Test
  void snapshotIteratorGoingBackwardsDoesNotSeeLaterWrites() {
    putAll("a", "c", "e");
    try (Snapshot snapshot = store.snapshot();
        KvIterator it = snapshot.iterator(new byte[0], null)) {
      putAll("b", "d", "f");
      delete("c");
      put("e", "changed");
      List<String> seen = new ArrayList<>();
      for (it.seekForPrev(k("z")); it.valid(); it.prev()) {
        seen.add(new String(it.key(), StandardCharsets.UTF_8) + "=" + new String(it.value(),
            StandardCharsets.UTF_8));
        // Write behind the cursor, where it goes next.
        putAll("bb", "cc");
        delete("a");
      }
      assertThat(seen).containsExactly("e=e", "c=c", "a=a");
    }
  }

  @Test
  void liveIteratorGoingBackwardsReadsTheStoreAsOfItsCreation() {
    putAll("a", "c");
    try (KvIterator it = store.iterator(new byte[0], null)) {
      putAll("b", "d");
      delete("a");
      it.seekForPrev(k("z"));
      assertThat(it.key()).isEqualTo(k("c"));
      it.prev();
      assertThat(it.key()).isEqualTo(k("a"));
      it.prev();
      assertThat(it.valid()).isFalse();
    }
  }

  @Test
  void randomSeeksAndStepsInBothDirectionsMatchASortedMapModel() {
    Random random = new Random(1234);
    NavigableMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
    Snapshot snapshot = null;
    NavigableMap<byte[], byte[]> snapshotModel = null;
    try {
      for (int round = 0; round < 6; round++) {
        for (int step = 0; step < 200; step++) {
          randomWrite(random, model);
        }
        if (round % 2 == 0) {
          store.flush(); // on RocksDB: later rounds mix SST files, memtable and tombstones
        }
        if (round == 3) {
          snapshot = store.snapshot();
          snapshotModel = new TreeMap<>(model);
        }
        for (int walk = 0; walk < 40; walk++) {
          walkAndCompare(store, model, random);
          if (snapshot != null) {
            walkAndCompare(snapshot, snapshotModel, random);
          }
        }
      }
    } finally {
      if (snapshot != null) {
        snapshot.close();
      }
    }
  }

  private void randomWrite(Random random, NavigableMap<byte[], byte[]> model) {
    int op = random.nextInt(20);
    if (op == 0) {
      byte[] lower = randomKey(random, 1);
      byte[] upper = randomKey(random, 2);
      if (Arrays.compareUnsigned(lower, upper) > 0) {
        byte[] t = lower;
        lower = upper;
        upper = t;
      }
      store.deleteRange(lower, upper);
      model.subMap(lower, true, upper, false).clear();
      return;
    }
    try (WriteBatch batch = store.newWriteBatch()) {
      byte[] key = randomKey(random, 3);
      if (op < 15) {
        byte[] value = intKey(random.nextInt());
        batch.put(key, value);
        model.put(key, value);
      } else {
        batch.delete(key);
        model.remove(key);
      }
      store.write(batch, false);
    }
  }

  /** Random seeks and steps on a random range of {@code view}, each checked against the model. */
  private static void walkAndCompare(
      ReadView view, NavigableMap<byte[], byte[]> model, Random random) {
    byte[] lower = randomKey(random, 2);
    byte[] upper = random.nextInt(4) == 0 ? null : randomKey(random, 2);
    if (upper != null && Arrays.compareUnsigned(lower, upper) > 0) {
      byte[] t = lower;
      lower = upper;
      upper = t;
    }
    NavigableMap<byte[], byte[]> range =
        upper == null ? model.tailMap(lower, true) : model.subMap(lower, true, upper, false);
    List<String> trail = new ArrayList<>();
    trail.add("[" + HEX.formatHex(lower) + ", " + (upper == null ? "null" : HEX.formatHex(upper))
        + ")");
    try (KvIterator it = view.iterator(lower, upper)) {
      byte[] expected = null;
      for (int step = 0; step < 30; step++) {
        int op = random.nextInt(expected == null ? 3 : 5);
        byte[] target = random.nextInt(5) == 0
            ? (random.nextBoolean() ? lower : upper == null ? randomKey(random, 3) : upper)
            : randomKey(random, 3);
        switch (op) {
          case 0 -> {
            it.seekForPrev(target);
            expected = range.floorKey(target);
            trail.add("seekForPrev " + HEX.formatHex(target));
          }
          case 1 -> {
            it.seek(target);
            expected = range.ceilingKey(target);
            trail.add("seek " + HEX.formatHex(target));
          }
          case 2 -> {
            it.seekToFirst();
            expected = range.isEmpty() ? null : range.firstKey();
            trail.add("seekToFirst");
          }
          case 3 -> {
            it.prev();
            expected = range.lowerKey(expected);
            trail.add("prev");
          }
          default -> {
            it.next();
            expected = range.higherKey(expected);
            trail.add("next");
          }
        }
        String where = String.join(", ", trail);
        if (expected == null) {
          assertThat(it.valid()).as(where).isFalse();
        } else {
          assertThat(it.valid()).as(where).isTrue();
          assertThat(HEX.formatHex(it.key())).as(where).isEqualTo(HEX.formatHex(expected));
          assertThat(it.value()).as(where).isEqualTo(range.get(expected));
        }
      }
    }
  }

  /** 1 to {@code maxLength} bytes from an alphabet dense in boundary values. */
  private static byte[] randomKey(Random random, int maxLength) {
    byte[] alphabet = {0x00, 0x01, 0x7f, (byte) 0x80, (byte) 0xfe, (byte) 0xff};
    byte[] key = new byte[1 + random.nextInt(maxLength)];
    for (int i = 0; i < key.length; i++) {
      key[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return key;
  }

  // Snapshots and isolation.

  @Test
  void snapshotDoesNotSeeLaterWrites() {
    put("a", "1");
    try (Snapshot snapshot = store.snapshot()) {
      put("a", "2");
      put("b", "2");
      assertThat(snapshot.get(k("a"))).isEqualTo(k("1"));
      assertThat(snapshot.get(k("b"))).isNull();
      assertThat(store.get(k("a"))).isEqualTo(k("2"));
    }
  }

  @Test
  void snapshotTakenAfterAWriteSeesIt() {
    put("a", "1");
    try (Snapshot snapshot = store.snapshot()) {
      assertThat(snapshot.get(k("a"))).isEqualTo(k("1"));
    }
  }

  @Test
  void snapshotMultiGetReadsItsPointInTime() {
    put("a", "1");
    try (Snapshot snapshot = store.snapshot()) {
      put("a", "2");
      put("b", "2");
      List<byte[]> values = snapshot.multiGet(List.of(k("b"), k("a")));
      assertThat(values.get(0)).isNull();
      assertThat(values.get(1)).isEqualTo(k("1"));
    }
  }

  @Test
  void snapshotIteratorIsStableWhileWritesContinue() {
    putAll("a", "c", "e");
    try (Snapshot snapshot = store.snapshot();
        KvIterator it = snapshot.iterator(new byte[0], null)) {
      it.seekToFirst();
      List<String> seen = new ArrayList<>();
      while (it.valid()) {
        seen.add(new String(it.key(), StandardCharsets.UTF_8));
        // Insert ahead of the cursor, delete ahead of it, overwrite what it will read next.
        putAll("b", "d", "f");
        delete("e");
        put("c", "changed");
        it.next();
      }
      assertThat(seen).containsExactly("a", "c", "e");
      assertThat(snapshot.get(k("c"))).isEqualTo(k("c"));
    }
    assertThat(keysIn(new byte[0], null))
        .containsExactly(hex("a"), hex("b"), hex("c"), hex("d"), hex("f"));
  }

  @Test
  void liveIteratorReadsTheStoreAsOfItsCreation() {
    putAll("a", "c");
    try (KvIterator it = store.iterator(new byte[0], null)) {
      putAll("b");
      delete("c");
      it.seekToFirst();
      assertThat(it.key()).isEqualTo(k("a"));
      it.next();
      assertThat(it.key()).isEqualTo(k("c"));
      it.next();
      assertThat(it.valid()).isFalse();
    }
  }

  @Test
  void snapshotIteratorMayOutliveItsSnapshot() {
    putAll("a", "b");
    Snapshot snapshot = store.snapshot();
    KvIterator it = snapshot.iterator(new byte[0], null);
    snapshot.close();
    delete("a");
    it.seekToFirst();
    assertThat(it.key()).isEqualTo(k("a"));
    it.next();
    assertThat(it.key()).isEqualTo(k("b"));
    it.close();
  }

  @Test
  void readersNeverSeeHalfABatch() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicBoolean done = new AtomicBoolean();
    try {
      Future<?> writer =
          pool.submit(
              () -> {
                for (int i = 0; i < 2_000; i++) {
                  try (WriteBatch batch = store.newWriteBatch()) {
                    batch.put(k("x"), intKey(i));
                    batch.put(k("y"), intKey(i));
                    store.write(batch, false);
                  }
                }
                done.set(true);
              });
      Future<Integer> reader =
          pool.submit(
              () -> {
                int checks = 0;
                while (!done.get() || checks == 0) {
                  List<byte[]> both = store.multiGet(List.of(k("x"), k("y")));
                  assertThat(both.get(0)).isEqualTo(both.get(1));
                  try (Snapshot snapshot = store.snapshot()) {
                    assertThat(snapshot.get(k("x"))).isEqualTo(snapshot.get(k("y")));
                  }
                  Map<String, byte[]> scanned = new TreeMap<>();
                  try (KvIterator it = store.iterator(k("x"), k("z"))) {
                    for (it.seekToFirst(); it.valid(); it.next()) {
                      scanned.put(new String(it.key(), StandardCharsets.UTF_8), it.value());
                    }
                  }
                  assertThat(scanned.get("x")).isEqualTo(scanned.get("y"));
                  checks++;
                }
                return checks;
              });
      writer.get();
      assertThat(reader.get()).isPositive();
    } finally {
      done.set(true);
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentWritersOfDistinctKeysAllLand() throws Exception {
    int threads = 4;
    int perThread = 1_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i += 10) {
                    try (WriteBatch batch = store.newWriteBatch()) {
                      for (int j = i; j < i + 10; j++) {
                        batch.put(intKey(thread * perThread + j), intKey(thread));
                      }
                      store.write(batch, syncFor(thread));
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    for (int i = 0; i < threads * perThread; i++) {
      assertThat(store.get(intKey(i))).isEqualTo(intKey(i / perThread));
    }
    assertThat(keysIn(new byte[0], null)).hasSize(threads * perThread);
  }

  // Range deletes.

  @Test
  void deleteRangeRemovesExactlyTheKeysInRange() {
    putAll("a", "b", "ba", "c", "d");
    store.deleteRange(k("b"), k("c"));
    assertThat(keysIn(new byte[0], null)).containsExactly(hex("a"), hex("c"), hex("d"));
  }

  @Test
  void deleteRangeOfAnEmptyRangeDoesNothing() {
    putAll("a", "b");
    store.deleteRange(k("b"), k("b"));
    assertThat(keysIn(new byte[0], null)).containsExactly(hex("a"), hex("b"));
  }

  @Test
  void snapshotStillSeesKeysRemovedByDeleteRange() {
    putAll("a", "b", "c");
    try (Snapshot snapshot = store.snapshot()) {
      store.deleteRange(k("a"), k("c"));
      assertThat(snapshot.get(k("b"))).isEqualTo(k("b"));
      assertThat(store.get(k("b"))).isNull();
    }
  }

  @Test
  void keysWrittenAfterDeleteRangeAreVisible() {
    putAll("a", "b");
    store.deleteRange(k("a"), k("z"));
    putAll("b");
    assertThat(keysIn(new byte[0], null)).containsExactly(hex("b"));
  }

  // Random operations against a sorted-map model, with snapshots along the way.

  @Test
  void randomOperationsMatchASortedMapModel() {
    Random random = new Random(42);
    NavigableMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
    List<Map.Entry<Snapshot, NavigableMap<byte[], byte[]>>> snapshots = new ArrayList<>();
    try {
      for (int step = 0; step < 2_000; step++) {
        int op = random.nextInt(10);
        if (op < 7) {
          try (WriteBatch batch = store.newWriteBatch()) {
            for (int i = random.nextInt(5); i >= 0; i--) {
              byte[] key = {(byte) random.nextInt(256), (byte) random.nextInt(4)};
              if (random.nextBoolean()) {
                byte[] value = intKey(step);
                batch.put(key, value);
                model.put(key, value);
              } else {
                batch.delete(key);
                model.remove(key);
              }
            }
            store.write(batch, false);
          }
        } else if (op == 7) {
          byte[] lower = {(byte) random.nextInt(256)};
          byte[] upper = {(byte) Math.min(255, (lower[0] & 0xff) + random.nextInt(8))};
          store.deleteRange(lower, upper);
          model.subMap(lower, true, upper, false).clear();
        } else if (op == 8 && snapshots.size() < 8) {
          snapshots.add(Map.entry(store.snapshot(), new TreeMap<>(model)));
        } else if (op == 9 && !snapshots.isEmpty()) {
          Map.Entry<Snapshot, NavigableMap<byte[], byte[]>> s =
              snapshots.remove(random.nextInt(snapshots.size()));
          assertSameContents(s.getKey(), s.getValue());
          s.getKey().close();
        }
      }
      assertSameContents(store, model);
      for (Map.Entry<Snapshot, NavigableMap<byte[], byte[]>> s : snapshots) {
        assertSameContents(s.getKey(), s.getValue());
      }
    } finally {
      snapshots.forEach(s -> s.getKey().close());
    }
  }

  // Lifecycle.

  @Test
  void flushKeepsTheData() {
    put("a", "1");
    store.flush();
    assertThat(store.get(k("a"))).isEqualTo(k("1"));
    assertThat(store.approximateSizeBytes()).isNotNegative();
  }

  @Test
  void writtenDataSurvivesReopen() {
    put("a", "1");
    try (WriteBatch batch = store.newWriteBatch()) {
      batch.put(k("b"), k("2"));
      store.write(batch, true);
    }
    KeyValueStore reopened = reopen(store);
    assumeThat(reopened).as("store persists").isNotNull();
    store = reopened;
    assertThat(store.get(k("a"))).isEqualTo(k("1"));
    assertThat(keysIn(new byte[0], null)).containsExactly(hex("a"), hex("b"));
  }

  @Test
  void batchFromAnotherStoreIsRejected() {
    try (KeyValueStore other = open();
        WriteBatch batch = other.newWriteBatch()) {
      batch.put(k("a"), k("1"));
      assertThatThrownBy(() -> store.write(batch, false))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void closedBatchCannotBeUsed() {
    WriteBatch batch = store.newWriteBatch();
    batch.put(k("a"), k("1"));
    batch.close();
    batch.close();
    assertThatThrownBy(() -> batch.put(k("b"), k("2"))).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.write(batch, false)).isInstanceOf(StorageException.class);
    assertThat(store.get(k("a"))).isNull();
  }

  @Test
  void closedIteratorsAndSnapshotsThrowAndCloseTwiceSafely() {
    putAll("a");
    Snapshot snapshot = store.snapshot();
    KvIterator it = store.iterator(new byte[0], null);
    it.close();
    it.close();
    snapshot.close();
    snapshot.close();
    assertThatThrownBy(it::seekToFirst).isInstanceOf(StorageException.class);
    assertThatThrownBy(it::valid).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> snapshot.get(k("a"))).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> snapshot.iterator(new byte[0], null))
        .isInstanceOf(StorageException.class);
  }

  @Test
  void everyCallAfterCloseThrowsStorageException() {
    put("a", "1");
    WriteBatch batch = store.newWriteBatch();
    batch.put(k("b"), k("2"));
    store.close();
    store.close();
    assertThatThrownBy(() -> store.get(k("a"))).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.multiGet(List.of(k("a"))))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.iterator(new byte[0], null))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.snapshot()).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.newWriteBatch()).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.write(batch, false)).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.deleteRange(k("a"), k("b")))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.flush()).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> store.approximateSizeBytes()).isInstanceOf(StorageException.class);
    batch.close();
  }

  @Test
  void snapshotsAndIteratorsLeftOpenFailCleanlyAfterTheStoreCloses() {
    putAll("a", "b");
    Snapshot snapshot = store.snapshot();
    KvIterator snapshotIterator = snapshot.iterator(new byte[0], null);
    KvIterator liveIterator = store.iterator(new byte[0], null);
    liveIterator.seekToFirst();
    store.close();
    assertThatThrownBy(() -> snapshot.get(k("a"))).isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> snapshot.multiGet(List.of(k("a"))))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(snapshotIterator::seekToFirst).isInstanceOf(StorageException.class);
    assertThatThrownBy(liveIterator::valid).isInstanceOf(StorageException.class);
    assertThatThrownBy(liveIterator::key).isInstanceOf(StorageException.class);
    assertThatThrownBy(liveIterator::next).isInstanceOf(StorageException.class);
    snapshotIterator.close();
    liveIterator.close();
    snapshot.close();
  }

  // Helpers.

  private void assertSameContents(ReadView view, NavigableMap<byte[], byte[]> expected) {
    List<String> actual = new ArrayList<>();
    try (KvIterator it = view.iterator(new byte[0], null)) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        actual.add(HEX.formatHex(it.key()) + "=" + HEX.formatHex(it.value()));
      }
    }
    List<String> wanted = new ArrayList<>();
    expected.forEach((key, value) -> wanted.add(HEX.formatHex(key) + "=" + HEX.formatHex(value)));
    assertThat(actual).containsExactlyElementsOf(wanted);
    for (Map.Entry<byte[], byte[]> e : expected.entrySet()) {
      assertThat(view.get(e.getKey())).isEqualTo(e.getValue());
    }
  }

  /** Keys in {@code [lower, upper)} of the live store, as hex. */
  protected List<String> keysIn(byte[] lower, byte[] upper) {
    List<String> keys = new ArrayList<>();
    try (KvIterator it = store.iterator(lower, upper)) {
      for (it.seekToFirst(); it.valid(); it.next()) {
        keys.add(HEX.formatHex(it.key()));
      }
    }
    return keys;
  }

  protected void put(String key, String value) {
    try (WriteBatch batch = store.newWriteBatch()) {
      batch.put(k(key), k(value));
      store.write(batch, false);
    }
  }

  /** Puts each key with itself as the value, one batch. */
  protected void putAll(String... keys) {
    try (WriteBatch batch = store.newWriteBatch()) {
      for (String key : keys) {
        batch.put(k(key), k(key));
      }
      store.write(batch, false);
    }
  }

  protected void delete(String key) {
    try (WriteBatch batch = store.newWriteBatch()) {
      batch.delete(k(key));
      store.write(batch, false);
    }
  }

  protected static byte[] k(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  protected static String hex(String s) {
    return HEX.formatHex(k(s));
  }

  /** Big-endian, so byte order is numeric order for non-negative ints. */
  protected static byte[] intKey(int i) {
    return new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
  }

  /** Mixes synced and unsynced writes across writer threads. */
  private static boolean syncFor(int thread) {
    return thread % 2 == 0;
  }
}
