package dev.megalite.engine.index;

import dev.megalite.api.Key;
import dev.megalite.api.PathElement;
import dev.megalite.api.Value;
import dev.megalite.api.error.LimitExceededException;
import dev.megalite.api.query.Filter;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.codec.TupleWriter;
import dev.megalite.index.Direction;
import dev.megalite.index.IndexDefinition;
import dev.megalite.index.IndexProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A composite index as the engine maintains it: its definition, its state, and the rows an
 * entity has in it — one per combination of the values of its properties (multi-valued properties
 * multiply), and for an ancestor index that again for every ancestor on the entity's path
 * (including the entity itself), so an ancestor query is a prefix scan.
 */
public final class CompositeIndex {
  /** The most rows one entity may have in one composite index (an "exploding" index). */
  public static final int MAX_ROWS_PER_ENTITY = 20_000;

  /** Where an index is in its life. */
  public enum State {
    /** Rows are being written for existing entities; writes maintain it; queries do not use it. */
    BUILDING,
    /** Complete; queries use it. */
    SERVING
  }

  private final IndexDefinition definition;
  private final State state;

  public CompositeIndex(IndexDefinition definition, State state) {
    this.definition = definition;
    this.state = state;
  }

  public IndexDefinition definition() {
    return definition;
  }

  public long id() {
    return definition.id();
  }

  public State state() {
    return state;
  }

  public CompositeIndex withState(State s) {
    return new CompositeIndex(definition, s);
  }

  /**
   * Appends the rows of the entity with {@code key} and indexed values {@code props}: none when
   * it lacks a property of the index.
   */
  public void rows(Key key, Map<String, List<Value>> props, List<IndexRow> out) {
    List<IndexProperty> ps = definition.properties();
    byte[][][] encoded = new byte[ps.size()][][];
    byte[][] meanings = new byte[ps.size()][];
    long combos = 1;
    for (int i = 0; i < ps.size(); i++) {
      IndexProperty p = ps.get(i);
      List<Value> values = p.name().equals(Filter.KEY_PROPERTY)
          ? List.of(Value.of(key))
          : props.get(p.name());
      if (values == null || values.isEmpty()) {
        return;
      }
      List<byte[]> distinct = new ArrayList<>(values.size());
      List<Byte> meaning = new ArrayList<>(values.size());
      for (Value v : values) {
        byte[] enc = p.direction() == Direction.DESC
            ? new TupleWriter().valueDescending(v).toByteArray()
            : RowKeys.value(v);
        if (distinct.stream().noneMatch(d -> Arrays.equals(d, enc))) {
          distinct.add(enc);
          meaning.add((byte) TupleWriter.meaning(v));
        }
      }
      encoded[i] = distinct.toArray(new byte[0][]);
      meanings[i] = new byte[meaning.size()];
      for (int j = 0; j < meaning.size(); j++) {
        meanings[i][j] = meaning.get(j);
      }
      combos *= distinct.size();
    }
    List<PathElement> path = key.path();
    int ancestors = definition.ancestor() ? path.size() : 1;
    if (combos * ancestors > MAX_ROWS_PER_ENTITY) {
      throw new LimitExceededException(
          "rows of one entity in composite index " + definition, MAX_ROWS_PER_ENTITY,
          combos * ancestors, key.toString());
    }
    byte[] pathBytes = RowKeys.path(path);
    byte[] scope = RowKeys.compositeScope(key.project(), id(), key.namespace());
    boolean multi = combos > 1;
    for (int a = 1; a <= ancestors; a++) {
      TupleWriter w = new TupleWriter().raw(scope);
      if (definition.ancestor()) {
        w.path(path.subList(0, a));
      }
      combine(w, encoded, meanings, new byte[ps.size()], 0, pathBytes, multi, out);
    }
  }

  private static void combine(TupleWriter w, byte[][][] encoded, byte[][] meanings, byte[] chosen,
      int i, byte[] pathBytes, boolean multi, List<IndexRow> out) {
    if (i == encoded.length) {
      int len = w.length();
      w.raw(pathBytes);
      byte[] value = new byte[chosen.length + 1];
      value[0] = PropertyRowFlags.of(0, multi);
      System.arraycopy(chosen, 0, value, 1, chosen.length);
      out.add(new IndexRow(w.toByteArray(), value));
      w.truncate(len);
      return;
    }
    int len = w.length();
    for (int j = 0; j < encoded[i].length; j++) {
      w.raw(encoded[i][j]);
      chosen[i] = meanings[i][j];
      combine(w, encoded, meanings, chosen, i + 1, pathBytes, multi, out);
      w.truncate(len);
    }
  }

  /** The meaning of property {@code i}'s value in a row's value bytes. */
  public static int meaning(byte[] rowValue, int i) {
    return i + 1 < rowValue.length ? rowValue[i + 1] : 0;
  }

  @Override
  public String toString() {
    return definition + " " + state;
  }
}
