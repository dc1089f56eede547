package dev.megalite.api.model;

import dev.megalite.api.Datastore;
import dev.megalite.api.Entity;
import dev.megalite.api.Key;
import dev.megalite.api.Transaction;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import java.util.List;

/** Where a model operation goes: the default datastore, or the current transaction on it. */
record Session(Datastore datastore, Transaction transaction, GqlCompiler compiler) {

  String project() {
    return datastore.projectId();
  }

  boolean inTransaction() {
    return transaction != null;
  }

  Entity get(Key key) {
    return transaction != null ? transaction.get(key) : datastore.get(key);
  }

  List<Entity> get(List<Key> keys) {
    return transaction != null ? transaction.get(keys) : datastore.get(keys);
  }

  List<Entity> put(List<Entity> entities) {
    return transaction != null ? transaction.put(entities) : datastore.put(entities);
  }

  void delete(List<Key> keys) {
    if (transaction != null) {
      transaction.delete(keys);
    } else {
      datastore.delete(keys);
    }
  }

  QueryResults<Entity> run(Query query) {
    return transaction != null ? transaction.run(query) : datastore.run(query);
  }
}
