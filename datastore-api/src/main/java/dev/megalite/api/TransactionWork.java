package dev.megalite.api;

/** The body of {@link Datastore#runInTransaction}: may run several times, so keep it pure. */
@FunctionalInterface
public interface TransactionWork<T> {
  T run(Transaction txn);
}
