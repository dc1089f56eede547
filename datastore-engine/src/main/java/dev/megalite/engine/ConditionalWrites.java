package dev.megalite.engine;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.error.AlreadyExistsException;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.error.LimitExceededException;
import dev.megalite.api.error.NotFoundException;
import dev.megalite.engine.codec.EntityCodec;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.kv.ReadView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves a list of {@link Write}s against the stored entities: allocates ids for incomplete keys,
 * fails an insert of an existing key or an update of a missing one, and drops a write whose base
 * version no longer matches (a conflict, reported, not an error). What is left is committed by the
 * caller; {@link #results(long)} then gives each write's outcome.
 */
final class ConditionalWrites {
  private final List<Key> keys = new ArrayList<>();
  private final List<Mutation> mutations = new ArrayList<>();
  /** Per write: the version to report if it conflicted, or -1 when it is part of the commit. */
  private final long[] conflictVersions;

  private ConditionalWrites(int n) {
    conflictVersions = new long[n];
  }

  /**
   * Resolves {@code writes}; {@code read} is what the conditions are checked against (a snapshot)
   * and {@code readVersion} the version to report for a conflicting write of a missing key.
   * {@code touch} is told every key read, so a transaction can record its group.
   */
  static ConditionalWrites resolve(EngineDatastore datastore, List<Write> writes, ReadView read,
      long readVersion, boolean sameKeyTwiceAllowed, java.util.function.Consumer<Key> touch) {
    if (writes == null) {
      throw new BadRequestException("writes are null");
    }
    int max = datastore.limits().maxEntitiesPerPut();
    if (writes.size() > max) {
      throw new LimitExceededException("mutations per commit", max, writes.size(), "");
    }
    List<Write> complete = completeKeys(datastore, writes);
    ConditionalWrites out = new ConditionalWrites(complete.size());
    List<Key> toRead = new ArrayList<>();
    Set<Key> seen = new HashSet<>();
    for (Write w : complete) {
      Key k = keyOf(w);
      if (!seen.add(k) && !sameKeyTwiceAllowed) {
        throw new BadRequestException(
            "a non-transactional commit may not contain multiple mutations affecting the same"
                + " entity: " + k);
      }
      if (w.kind() == Write.Kind.INSERT || w.kind() == Write.Kind.UPDATE || w.conditional()) {
        toRead.add(k);
      }
    }
    Map<Key, Long> stored = new HashMap<>(); // key -> stored version, 0 when absent
    if (!toRead.isEmpty()) {
      List<byte[]> rowKeys = new ArrayList<>(toRead.size());
      for (Key k : toRead) {
        touch.accept(k);
        rowKeys.add(RowKeys.entity(k));
      }
      List<byte[]> rows = read.multiGet(rowKeys);
      for (int i = 0; i < toRead.size(); i++) {
        byte[] row = rows.get(i);
        stored.put(toRead.get(i), row == null ? 0L : EntityCodec.version(row));
      }
    }
    Map<Key, Boolean> exists = new HashMap<>();
    for (int i = 0; i < complete.size(); i++) {
      Write w = complete.get(i);
      Key k = keyOf(w);
      out.keys.add(k);
      boolean present = exists.computeIfAbsent(k, key -> stored.getOrDefault(key, 0L) > 0);
      if (w.conditional() && w.baseVersion() != stored.getOrDefault(k, 0L)) {
        long current = stored.getOrDefault(k, 0L);
        out.conflictVersions[i] = current > 0 ? current : readVersion;
        continue;
      }
      if (w.kind() == Write.Kind.INSERT && present) {
        throw new AlreadyExistsException("entity already exists: " + k);
      }
      if (w.kind() == Write.Kind.UPDATE && !present) {
        throw new NotFoundException("no entity to update: " + k);
      }
      out.conflictVersions[i] = -1;
      out.mutations.add(w.kind() == Write.Kind.DELETE ? Mutation.delete(k) : Mutation.put(w.entity()));
      exists.put(k, w.kind() != Write.Kind.DELETE);
    }
    return out;
  }

  /** The mutations to commit, in write order. */
  List<Mutation> mutations() {
    return mutations;
  }

  /** Each write's outcome, given the version of the commit that wrote the mutations. */
  List<WriteResult> results(long commitVersion) {
    List<WriteResult> results = new ArrayList<>(keys.size());
    for (int i = 0; i < keys.size(); i++) {
      boolean conflict = conflictVersions[i] >= 0;
      results.add(
          new WriteResult(keys.get(i), conflict ? conflictVersions[i] : commitVersion, conflict));
    }
    return results;
  }

  private static Key keyOf(Write w) {
    return w.kind() == Write.Kind.DELETE ? w.key() : (Key) w.entity().key();
  }

  /** The writes with every entity's key complete (ids allocated) and deleted keys checked. */
  private static List<Write> completeKeys(EngineDatastore datastore, List<Write> writes) {
    List<Entity> entities = new ArrayList<>();
    for (Write w : writes) {
      if (w == null) {
        throw new BadRequestException("a write is null");
      }
      if (w.kind() == Write.Kind.DELETE) {
        datastore.checkKey(w.key());
      } else {
        entities.add(w.entity());
      }
    }
    List<Entity> complete = datastore.completeKeys(entities);
    List<Write> out = new ArrayList<>(writes.size());
    int j = 0;
    for (Write w : writes) {
      out.add(w.kind() == Write.Kind.DELETE
          ? w
          : new Write(w.kind(), complete.get(j++), null, w.baseVersion()));
    }
    return out;
  }
}
