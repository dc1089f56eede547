package dev.megalite.gql;

import dev.megalite.api.query.GqlDialect;
import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded, least-recently-used cache of parsed statements by text and dialect. Thread-safe. */
final class StatementCache {
  private record CacheKey(String text, GqlDialect dialect) {}

  private final int capacity;
  private final Map<CacheKey, GqlStatement> map;

  StatementCache(int capacity) {
    this.capacity = capacity;
    this.map =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<CacheKey, GqlStatement> eldest) {
            return size() > StatementCache.this.capacity;
          }
        };
  }

  GqlStatement get(String text, GqlDialect dialect) {
    CacheKey key = new CacheKey(text, dialect);
    synchronized (map) {
      return map.get(key);
    }
  }

  void put(GqlStatement statement) {
    CacheKey key = new CacheKey(statement.text(), statement.dialect());
    synchronized (map) {
      map.put(key, statement);
    }
  }

  int size() {
    synchronized (map) {
      return map.size();
    }
  }

  void clear() {
    synchronized (map) {
      map.clear();
    }
  }
}
