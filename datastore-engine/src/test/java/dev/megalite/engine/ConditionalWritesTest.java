package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Entity;
import dev.megalite.api.IncompleteKey;
import dev.megalite.api.Key;
import dev.megalite.api.TransactionOptions;
import dev.megalite.api.error.AlreadyExistsException;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.error.ConcurrentModificationException;
import dev.megalite.api.error.NotFoundException;
import dev.megalite.engine.ids.IdAllocator;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cloud Datastore–style commits: inserts, updates, upserts and deletes with base versions, entity
 * versions on reads, and reserved ids, on RocksDB.
 */
class ConditionalWritesTest {
  @TempDir Path dir;
  private MegaliteDatastore ds;

  @BeforeEach
  void open() {
    ds = Megalite.open(dir);
  }

  @AfterEach
  void close() {
    ds.close();
  }

  private Entity entity(String name, long n) {
    return Entity.newBuilder(ds.newKey("Item", name)).set("n", n).build();
  }

  @Test
  void everyCommitGivesTheEntitiesItWritesANewHigherVersion() {
    WriteResult first = ds.commit(List.of(Write.upsert(entity("a", 1)))).get(0);
    WriteResult second = ds.commit(List.of(Write.upsert(entity("a", 2)))).get(0);
    assertThat(first.conflictDetected()).isFalse();
    assertThat(second.version()).isGreaterThan(first.version());
    VersionedEntity read = ds.lookup(List.of(ds.newKey("Item", "a"))).get(0);
    assertThat(read.version()).isEqualTo(second.version());
    assertThat(read.entity().getLong("n")).isEqualTo(2);
  }

  @Test
  void aMissingKeyIsReportedWithTheSnapshotVersion() {
    long written = ds.commit(List.of(Write.upsert(entity("a", 1)))).get(0).version();
    VersionedEntity missing = ds.lookup(List.of(ds.newKey("Item", "none"))).get(0);
    assertThat(missing.found()).isFalse();
    assertThat(missing.version()).isGreaterThanOrEqualTo(written);
  }

  @Test
  void insertOfAnExistingKeyFailsAndWritesNothing() {
    ds.put(entity("a", 1));
    assertThatThrownBy(() -> ds.commit(List.of(Write.upsert(entity("b", 1)), Write.insert(entity("a", 9)))))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining("Item")
        .hasMessageContaining("a");
    assertThat(ds.get(ds.newKey("Item", "a")).getLong("n")).isEqualTo(1);
    assertThat(ds.get(ds.newKey("Item", "b"))).isNull();
  }

  @Test
  void updateOfAMissingKeyFailsWithNotFound() {
    assertThatThrownBy(() -> ds.commit(List.of(Write.update(entity("a", 1)))))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("no entity to update");
    assertThat(ds.get(ds.newKey("Item", "a"))).isNull();
  }

  @Test
  void insertWithAnIncompleteKeyAllocatesAnId() {
    Entity e = Entity.newBuilder(IncompleteKey.of(ds.projectId(), "Item")).set("n", 1).build();
    WriteResult r = ds.commit(List.of(Write.insert(e))).get(0);
    assertThat(r.key().id()).isGreaterThanOrEqualTo(IdAllocator.SCATTERED_BASE);
    assertThat(ds.get(r.key()).getLong("n")).isEqualTo(1);
  }

  @Test
  void aStaleBaseVersionIsAConflictThatSkipsOnlyThatWrite() {
    long v1 = ds.commit(List.of(Write.upsert(entity("a", 1)))).get(0).version();
    long v2 = ds.commit(List.of(Write.upsert(entity("a", 2)))).get(0).version();
    List<WriteResult> results = ds.commit(List.of(
        Write.upsert(entity("a", 3)).ifVersion(v1), Write.upsert(entity("b", 1))));
    assertThat(results.get(0).conflictDetected()).isTrue();
    assertThat(results.get(0).version()).isEqualTo(v2);
    assertThat(results.get(1).conflictDetected()).isFalse();
    assertThat(ds.get(ds.newKey("Item", "a")).getLong("n")).isEqualTo(2);
    assertThat(ds.get(ds.newKey("Item", "b"))).isNotNull();

    WriteResult ok = ds.commit(List.of(Write.delete(ds.newKey("Item", "a")).ifVersion(v2))).get(0);
    assertThat(ok.conflictDetected()).isFalse();
    assertThat(ds.get(ds.newKey("Item", "a"))).isNull();
  }

  @Test
  void baseVersionZeroMeansTheEntityMustNotExist() {
    assertThat(ds.commit(List.of(Write.upsert(entity("a", 1)).ifVersion(0))).get(0)
        .conflictDetected()).isFalse();
    assertThat(ds.commit(List.of(Write.upsert(entity("a", 2)).ifVersion(0))).get(0)
        .conflictDetected()).isTrue();
    assertThat(ds.get(ds.newKey("Item", "a")).getLong("n")).isEqualTo(1);
  }

  @Test
  void aNonTransactionalCommitMayNotWriteOneKeyTwice() {
    assertThatThrownBy(() -> ds.commit(List.of(Write.upsert(entity("a", 1)), Write.delete(ds.newKey("Item", "a")))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("multiple mutations");
  }

  @Test
  void aTransactionChecksConditionsOnItsSnapshotAndConflictsWithALaterCommit() {
    ds.put(entity("a", 1));
    MegaliteTransaction txn = ds.newTransaction();
    VersionedEntity seen = txn.lookup(List.of(ds.newKey("Item", "a"))).get(0);
    assertThat(seen.entity().getLong("n")).isEqualTo(1);
    ds.put(entity("a", 5));
    assertThatThrownBy(() -> txn.commit(List.of(Write.update(entity("a", 2)))))
        .isInstanceOf(ConcurrentModificationException.class);
    assertThat(ds.get(ds.newKey("Item", "a")).getLong("n")).isEqualTo(5);
  }

  @Test
  void aTransactionMayInsertThenUpdateTheSameKey() {
    MegaliteTransaction txn = ds.newTransaction();
    List<WriteResult> r = txn.commit(List.of(Write.insert(entity("a", 1)), Write.update(entity("a", 2))));
    assertThat(r).extracting(WriteResult::conflictDetected).containsExactly(false, false);
    assertThat(r.get(0).version()).isEqualTo(r.get(1).version());
    assertThat(ds.get(ds.newKey("Item", "a")).getLong("n")).isEqualTo(2);
  }

  @Test
  void aCrossGroupTransactionCommitsWritesToSeveralGroups() {
    MegaliteTransaction txn =
        ds.newTransaction(TransactionOptions.newBuilder().crossGroup(true).build());
    txn.commit(List.of(Write.insert(entity("a", 1)), Write.insert(entity("b", 1))));
    assertThat(ds.get(List.of(ds.newKey("Item", "a"), ds.newKey("Item", "b")))).doesNotContainNull();
  }

  /** The ids a fresh datastore's scattered allocation hands out first, in order. */
  private List<Key> firstScatteredIds(int n) {
    try (MegaliteDatastore fresh = Megalite.inMemory()) {
      return fresh.allocateIds(IncompleteKey.of(fresh.projectId(), "Item"), n);
    }
  }

  @Test
  void allocationSkipsReservedScatteredIds() {
    List<Key> order = firstScatteredIds(8);
    assertThat(ds.allocateIds(IncompleteKey.of(ds.projectId(), "Item"), 3))
        .containsExactlyElementsOf(order.subList(0, 3));
    ds.reserveIds(List.of(order.get(4), order.get(6)));
    assertThat(ds.allocateIds(IncompleteKey.of(ds.projectId(), "Item"), 3))
        .containsExactly(order.get(3), order.get(5), order.get(7));
  }

  @Test
  void reservedScatteredIdsStayReservedAfterReopening() {
    List<Key> order = firstScatteredIds(40_000);
    List<Key> reserved = order.subList(30_000, 30_010);
    ds.reserveIds(reserved);
    ds.close();
    ds = Megalite.open(dir);
    List<Key> allocated = ds.allocateIds(IncompleteKey.of(ds.projectId(), "Item"), 40_000);
    assertThat(allocated).doesNotContainAnyElementsOf(reserved);
    assertThat(allocated).contains(order.get(30_010));
  }

  @Test
  void reservedSequentialIdsMoveTheCounterPastThem() {
    ds.close();
    ds = Megalite.open(MegaliteOptions.newBuilder().dataDir(dir).idPolicy(IdPolicy.SEQUENTIAL).build());
    ds.reserveIds(List.of(ds.newKey("Item", 41)));
    assertThat(ds.allocateIds(IncompleteKey.of(ds.projectId(), "Item"), 1).get(0).id()).isEqualTo(42);
  }

  @Test
  void aCommitOfMoreThan500MutationsIsRejectedWithTheLimitNamed() {
    List<Write> writes = new java.util.ArrayList<>();
    for (int i = 0; i < 501; i++) {
      writes.add(Write.upsert(entity("e" + i, i)));
    }
    MegaliteTransaction txn = ds.newTransaction(
        TransactionOptions.newBuilder().crossGroup(true).build());
    assertThatThrownBy(() -> txn.commit(writes))
        .isInstanceOf(dev.megalite.api.error.LimitExceededException.class)
        .hasMessageContaining("mutations per commit")
        .hasMessageContaining("501");
    assertThatThrownBy(() -> ds.commit(writes))
        .isInstanceOf(dev.megalite.api.error.LimitExceededException.class);
    assertThat(ds.get(ds.newKey("Item", "e0"))).isNull();
    assertThat(ds.commit(writes.subList(0, 500))).hasSize(500);
  }

  @Test
  void reserveIdsRejectsNamedKeys() {
    assertThatThrownBy(() -> ds.reserveIds(List.of(ds.newKey("Item", "x"))))
        .isInstanceOf(BadRequestException.class)
        .hasMessageContaining("has a name");
  }
}
