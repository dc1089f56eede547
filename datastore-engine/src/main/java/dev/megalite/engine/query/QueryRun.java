package dev.megalite.engine.query;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.MoreResults;
import dev.megalite.engine.codec.Bytes;
import dev.megalite.engine.codec.EntityCodec;
import dev.megalite.engine.codec.Keyspace;
import dev.megalite.engine.codec.RowKeys;
import dev.megalite.engine.codec.TupleReader;
import dev.megalite.engine.index.IndexRow;
import dev.megalite.engine.index.IndexedValues;
import dev.megalite.engine.index.PropertyRowFlags;
import dev.megalite.engine.kv.ReadView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Executes a {@link QueryPlan} against a snapshot, streaming: candidate rows are read a bounded
 * batch ahead ({@link ReadAhead}), with the entity rows fetched in one multi-get per batch and
 * only for candidates whose result or checks need them; then evaluated one at a time, in order,
 * with offset and limit applied in the scan. Memory does not grow with the number of rows scanned.
 */
final class QueryRun implements SizedQueryResults {
  private final QueryPlan plan;
  private final NormalizedQuery nq;
  private final ReadView view;
  private final AutoCloseable snapshot;
  private final Source source;
  private final UnionSource union;
  private final byte[] entityScope;
  private final byte[] endPosition;
  private final boolean projection;
  private final boolean needEntity;
  private final List<BranchSource> sources = new ArrayList<>();
  private final ReadAhead ahead;

  private int offsetLeft;
  private int limitLeft;
  private int skipped;
  private byte[] lastPosition;
  private Entity pending;
  /** The result {@link #evaluate} accepted last, until {@link #fetch} takes it. */
  private Entity result;
  private byte[] pendingPosition;
  private int resultBytes;
  private int pendingBytes;
  private int lastBytes;
  private byte[] lastEmittedPosition;
  private byte[] lastDistinctValue;
  private MoreResults more = MoreResults.NOT_FINISHED;
  private boolean closed;

  QueryRun(QueryPlan plan, ReadView view, AutoCloseable snapshot) {
    this.plan = plan;
    this.nq = plan.query();
    this.view = view;
    this.snapshot = snapshot;
    this.entityScope = RowKeys.scope(Keyspace.ENTITY, nq.project(), nq.namespace());
    this.projection = !nq.projection().isEmpty();
    this.needEntity = !nq.keysOnly() && !projection;
    this.offsetLeft = nq.offset();
    this.limitLeft = nq.limit();
    this.lastPosition = nq.startCursor() == null
        ? new byte[0]
        : Cursors.position(nq.startCursor(), nq.fingerprint(), "start");
    this.endPosition = nq.endCursor() == null
        ? null
        : Cursors.position(nq.endCursor(), nq.fingerprint(), "end");
    try {
      for (int i = 0; i < plan.branches().size(); i++) {
        sources.add(new BranchSource(open(plan.branches().get(i)), plan.constantPrefixes().get(i)));
      }
    } catch (RuntimeException e) {
      sources.forEach(BranchSource::close);
      closeSnapshot();
      throw e;
    }
    if (sources.size() == 1) {
      source = sources.get(0);
      union = null;
    } else {
      union = new UnionSource(sources);
      source = union;
    }
    this.ahead = new ReadAhead(source, this::capture, view, endPosition);
    // An empty position is the start of the query (a cursor taken before the first result).
    if (lastPosition.length > 0 && source != null) {
      try {
        source.seekAfter(lastPosition);
        if (!nq.distinctOn().isEmpty() && !plan.branches().isEmpty()) {
          // The cursor is after the first result of its value: the rest of the run is not distinct.
          lastDistinctValue = distinctValueAt(lastPosition);
        }
      } catch (RuntimeException e) {
        // A cursor whose header checks out but whose position does not decode was tampered with.
        close();
        if (e instanceof BadRequestException) {
          throw e;
        }
        throw new BadRequestException("start cursor is not valid for this query (its position"
            + " does not decode: " + e.getMessage() + ")");
      }
    }
    if (sources.isEmpty()) {
      more = MoreResults.NO_MORE_RESULTS;
    }
  }

  private Source open(Plan p) {
    if (p instanceof Plan.KindScan k) {
      return new KindScanSource(view, nq.project(), nq.namespace(), k);
    } else if (p instanceof Plan.PropertyScan ps) {
      return new PropertyScanSource(view, nq.project(), nq.namespace(), ps);
    } else if (p instanceof Plan.CompositeScan cs) {
      return new CompositeScanSource(view, nq.project(), nq.namespace(), cs);
    } else if (p instanceof Plan.CompositeMergeJoin join) {
      List<CompositeScanSource> scans = new ArrayList<>();
      try {
        for (Plan.CompositeScan cs : join.scans()) {
          scans.add(new CompositeScanSource(view, nq.project(), nq.namespace(), cs));
        }
      } catch (RuntimeException e) {
        scans.forEach(CompositeScanSource::close);
        throw e;
      }
      return new CompositeMergeSource(scans);
    }
    return new MergeJoinSource(view, nq.project(), nq.namespace(), (Plan.MergeJoin) p);
  }

  @Override
  public boolean hasNext() {
    if (pending != null) {
      return true;
    }
    if (more != MoreResults.NOT_FINISHED) {
      return false;
    }
    return fetch();
  }

  @Override
  public Entity next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more query results");
    }
    Entity e = pending;
    pending = null;
    lastPosition = pendingPosition;
    lastBytes = pendingBytes;
    if (limitLeft > 0) {
      limitLeft--;
    }
    if (limitLeft == 0) {
      finish(MoreResults.MORE_RESULTS_AFTER_LIMIT);
    }
    return e;
  }

  private boolean fetch() {
    if (limitLeft == 0) {
      finish(MoreResults.MORE_RESULTS_AFTER_LIMIT);
      return false;
    }
    Candidate c;
    while ((c = ahead.next(wanted())) != null) {
      boolean skipping = offsetLeft > 0;
      if (!evaluate(c, ahead.stored(), skipping)) {
        continue;
      }
      if (skipping) {
        offsetLeft--;
        skipped++;
        lastPosition = c.position();
        continue;
      }
      pending = result;
      result = null;
      pendingPosition = c.position();
      pendingBytes = resultBytes;
      return true;
    }
    finish(ahead.pastEnd() ? MoreResults.MORE_RESULTS_AFTER_CURSOR : MoreResults.NO_MORE_RESULTS);
    return false;
  }

  /** How many more candidates the run can use, if every one were a result: offset plus limit. */
  private int wanted() {
    return limitLeft < 0
        ? Integer.MAX_VALUE
        : (int) Math.min(Integer.MAX_VALUE, (long) limitLeft + offsetLeft);
  }

  /**
   * What evaluation needs of the source's current row: everything it reads of the source (the
   * row, its value, the branch, the multi-valued flags), and the entity row to fetch when the
   * result or one of its checks needs the entity.
   */
  private Candidate capture() {
    int branch = union == null ? 0 : union.branch();
    Plan p = plan.branches().get(branch);
    byte[] row = source.rowKey();
    int pathStart = source.pathStart();
    byte[] rowValue = null;
    boolean multi = false;
    if (p instanceof Plan.CompositeMergeJoin) {
      multi = ((CompositeMergeSource) sources.get(branch).inner()).anyMultiValued();
      rowValue = projection ? source.rowValue() : null;
    } else if (p instanceof Plan.PropertyScan || p instanceof Plan.CompositeScan) {
      rowValue = source.rowValue();
      multi = PropertyRowFlags.multiValued(rowValue);
    }
    boolean fetch = needEntity || (multi && !projection) || !residualEqualities(p).isEmpty()
        || (union != null && !projection);
    byte[] entityRow = null;
    byte[] entity = null;
    if (fetch && sources.get(branch).inner() instanceof KindScanSource k && k.readsEntityRows()) {
      entity = source.rowValue();
    } else if (fetch) {
      entityRow = Bytes.concat(entityScope, row, pathStart);
    }
    return new Candidate(source.position(), row, pathStart, source.valueStart(), rowValue, branch,
        multi, entityRow, entity);
  }

  private static List<EqFilter> residualEqualities(Plan p) {
    if (p instanceof Plan.PropertyScan ps) {
      return ps.residualEqualities();
    } else if (p instanceof Plan.CompositeMergeJoin j) {
      return j.residualEqualities();
    } else if (p instanceof Plan.CompositeScan cs) {
      return cs.residualEqualities();
    }
    return List.of();
  }

  /**
   * Whether candidate {@code c} is a result; {@code stored} is its entity row as fetched (null
   * when absent or not fetched). A result that is not {@code skipping} (for the offset) is left in
   * {@link #result}; one that is, is decoded only when a check needs the entity.
   */
  private boolean evaluate(Candidate c, byte[] stored, boolean skipping) {
    byte[] row = c.row();
    int pathStart = c.pathStart();
    byte[] position = c.position();
    int branchIndex = c.branch();
    Plan p = plan.branches().get(branchIndex);
    Plan.PropertyScan scan = p instanceof Plan.PropertyScan ps ? ps : null;
    Plan.CompositeMergeJoin join = p instanceof Plan.CompositeMergeJoin j ? j : null;
    Plan.CompositeScan composite = p instanceof Plan.CompositeScan cs ? cs
        : join != null ? join.scans().get(0) : null;
    boolean multi = c.multiValued();
    List<EqFilter> residualEqs = residualEqualities(p);
    boolean residual = !residualEqs.isEmpty();
    boolean unionCheck = union != null && !projection;
    boolean checks = (multi && !projection) || residual || unionCheck;

    if (projection) {
      if (union != null && lastEmittedPosition != null
          && Arrays.equals(position, lastEmittedPosition)) {
        return false;
      }
    }
    Key key = null;
    Entity entity = null;
    int storedBytes = 0;
    if (c.needsEntity()) {
      if (stored == null) {
        return false;
      }
      storedBytes = stored.length;
      if (checks || !skipping) {
        key = RowKeys.keyAt(nq.project(), nq.namespace(), row, pathStart);
        entity = EntityCodec.decode(key, stored);
      }
      if (scan != null && multi && !projection) {
        byte[] sv = Matcher.sortValue(entity, scan.property(), scan.range(), scan.descending());
        if (sv == null || !Arrays.equals(row, c.valueStart(), pathStart, sv, 0, sv.length)) {
          return false;
        }
      }
      if (composite != null && multi && !projection && !Arrays.equals(
          Arrays.copyOfRange(row, c.valueStart(), row.length),
          firstCompositePosition(entity, key, branchIndex))) {
        return false;
      }
      if (residual && !Matcher.hasAll(entity, residualEqs)) {
        return false;
      }
      if (unionCheck && isDuplicate(entity, key, row, pathStart, position, branchIndex)) {
        return false;
      }
    }
    lastEmittedPosition = position;
    int keyBytes = entityScope.length + row.length - pathStart;
    resultBytes = needEntity ? keyBytes + storedBytes : projection ? row.length : keyBytes;
    if (skipping && !projection) {
      // Projections go on: their DISTINCT check below may still turn the candidate down.
      return true;
    }
    if (key == null) {
      key = RowKeys.keyAt(nq.project(), nq.namespace(), row, pathStart);
    }
    if (nq.keysOnly()) {
      result = Entity.newBuilder(key).build();
    } else if (projection && composite != null) {
      result = compositeProjection(key, c, composite);
    } else if (projection) {
      int vs = c.valueStart();
      if (!nq.distinctOn().isEmpty()) {
        if (lastDistinctValue != null
            && Arrays.equals(row, vs, pathStart, lastDistinctValue, 0, lastDistinctValue.length)) {
          return false;
        }
        lastDistinctValue = Arrays.copyOfRange(row, vs, pathStart);
      }
      Value v = RowKeys.valueAt(row, vs, PropertyRowFlags.meaning(c.rowValue()));
      result = Entity.newBuilder(key).set(scan.property(), v).build();
    } else {
      result = entity;
    }
    return result != null;
  }

  /**
   * The entity's first position (the row after the scan's fixed prefix) in composite branch
   * {@code branch}'s order, or null when the branch does not return it. For a merge join, the
   * first position every one of its scans returns.
   */
  private byte[] firstCompositePosition(Entity entity, Key key, int branch) {
    Source src = sources.get(branch).inner();
    List<CompositeScanSource> scans = src instanceof CompositeMergeSource m
        ? m.scans() : List.of((CompositeScanSource) src);
    Plan p = plan.branches().get(branch);
    List<Plan.CompositeScan> plans = p instanceof Plan.CompositeMergeJoin j
        ? j.scans() : List.of((Plan.CompositeScan) p);
    java.util.TreeSet<byte[]> common = null;
    for (int i = 0; i < scans.size(); i++) {
      List<IndexRow> rows = new ArrayList<>();
      plans.get(i).index().rows(key, IndexedValues.of(entity), rows);
      java.util.TreeSet<byte[]> mine = new java.util.TreeSet<>(Bytes::compare);
      for (IndexRow r : rows) {
        if (scans.get(i).accepts(r.key())) {
          mine.add(Arrays.copyOfRange(r.key(), scans.get(i).valueStart(), r.key().length));
        }
      }
      if (common == null) {
        common = mine;
      } else {
        common.retainAll(mine);
      }
    }
    return common == null || common.isEmpty() ? null : common.first();
  }

  /**
   * A projection result read from a composite row: the projected properties' values; null when
   * DISTINCT turns it down.
   */
  private Entity compositeProjection(Key key, Candidate c, Plan.CompositeScan cs) {
    byte[] row = c.row();
    Source inner = sources.get(c.branch()).inner();
    CompositeScanSource src = inner instanceof CompositeMergeSource m
        ? m.scans().get(0) : (CompositeScanSource) inner;
    List<Value> values = src.values(row, c.rowValue());
    List<dev.megalite.index.IndexProperty> props = cs.index().definition().properties();
    int fixed = cs.prefixValues().size();
    Entity.Builder b = Entity.newBuilder(key);
    for (String name : nq.projection()) {
      for (int i = fixed; i < props.size(); i++) {
        if (props.get(i).name().equals(name)) {
          b.set(name, values.get(i - fixed));
          break;
        }
      }
    }
    if (!nq.distinctOn().isEmpty()) {
      byte[] combo = src.unfixedValues(row);
      if (lastDistinctValue != null && Arrays.equals(combo, lastDistinctValue)) {
        return null;
      }
      lastDistinctValue = combo;
    }
    return b.build();
  }

  /** The distinct key of the projection result at {@code position} (a cursor's). */
  private byte[] distinctValueAt(byte[] position) {
    Source inner = sources.get(0).inner();
    if (inner instanceof CompositeMergeSource m) {
      inner = m.scans().get(0);
    }
    if (inner instanceof CompositeScanSource cs) {
      return cs.unfixedValues(Bytes.concat(cs.prefixBytes(), position));
    }
    return projectedValueAt(position);
  }

  /**
   * The ascending encoding of the value a projection's position starts with (projections scan
   * their one property with no constant prefix, so a position is the value, then the path).
   */
  private byte[] projectedValueAt(byte[] position) {
    boolean descending = ((Plan.PropertyScan) plan.branches().get(0)).descending();
    byte[] value = Arrays.copyOf(position, new TupleReader(position).skipValue(descending));
    return descending ? Bytes.invert(value) : value;
  }

  /** Whether an earlier branch (in query order) returns this entity before this candidate. */
  private boolean isDuplicate(
      Entity entity, Key key, byte[] row, int pathStart, byte[] position, int branchIndex) {
    byte[] path = Arrays.copyOfRange(row, pathStart, row.length);
    for (int i = 0; i < plan.branches().size(); i++) {
      if (i == branchIndex) {
        continue;
      }
      byte[] other;
      Plan other0 = plan.branches().get(i);
      if (other0 instanceof Plan.CompositeScan || other0 instanceof Plan.CompositeMergeJoin) {
        byte[] first = firstCompositePosition(entity, key, i);
        other = first == null ? null : Bytes.concat(plan.constantPrefixes().get(i), first);
      } else {
        other = Matcher.position(nq, entity, key, path, nq.branches().get(i),
            plan.branches().get(i), plan.constantPrefixes().get(i));
      }
      if (other != null) {
        int c = Bytes.compare(other, position);
        if (c < 0 || (c == 0 && i < branchIndex)) {
          return true;
        }
      }
    }
    return false;
  }

  private void finish(MoreResults state) {
    more = state;
    closeSources();
  }

  @Override
  public int lastResultBytes() {
    return lastBytes;
  }

  @Override
  public Cursor cursorAfter() {
    return Cursors.of(nq.fingerprint(), lastPosition);
  }

  @Override
  public MoreResults moreResults() {
    return more;
  }

  @Override
  public int skippedResults() {
    return skipped;
  }

  @Override
  public void close() {
    if (more == MoreResults.NOT_FINISHED) {
      more = MoreResults.MORE_RESULTS_AFTER_LIMIT;
    }
    closeSources();
  }

  private void closeSources() {
    if (closed) {
      return;
    }
    closed = true;
    ahead.clear();
    if (source != null) {
      source.close();
    }
    closeSnapshot();
  }

  private void closeSnapshot() {
    try {
      if (snapshot != null) {
        snapshot.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
