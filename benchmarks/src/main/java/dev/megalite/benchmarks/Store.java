package dev.megalite.benchmarks;

import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import java.util.List;

/**
 * One system under test, as {@link WorkloadDriver} sees it. Each operation comes in two steps: an
 * untimed {@code prepare…} that turns the workload's entities or keys into what the system's own
 * API takes (as an application would have built them), and the timed call itself.
 *
 * @param <P> a prepared batch put
 * @param <G> a prepared batch get
 */
interface Store<P, G> extends AutoCloseable {

  /** Converts batch number {@code batch} (0, 1, …) of entities; not timed. */
  P preparePut(int batch, List<Entity> entities);

  void put(P prepared);

  /** Converts keys for a batch get; not timed. */
  G prepareGet(List<Key> keys);

  /** Gets the entities; returns how many were found. */
  int get(G prepared);

  /** Whether this system can run {@code q}; the report shows "—" where it cannot. */
  boolean supports(QuerySpec q);

  /** Runs {@code q} and hands every result to {@code check}, in order. */
  void query(QuerySpec q, ResultCheck check);

  /** How the system runs {@code q} (its plan, where it has one), after the query has run. */
  String plan(QuerySpec q);

  /**
   * In one transaction: reads the entity under {@code key}, adds 1 to its {@code visits} and
   * writes it back, then commits.
   */
  void readModifyWrite(Key key);

  /** Bytes on disk, or -1 for a system that keeps its data in memory. */
  long diskBytes();

  @Override
  void close();
}
