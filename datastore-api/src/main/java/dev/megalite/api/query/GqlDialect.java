package dev.megalite.api.query;

/** Which GQL a text is written in. */
public enum GqlDialect {
  /**
   * App Engine's GQL, as {@code db.GqlQuery} and NDB take it: {@code :1} and {@code :name}
   * bindings, {@code ANCESTOR IS}, casts such as {@code KEY('Kind', 1)} and {@code DATETIME(…)}.
   */
  APP_ENGINE,
  /**
   * Cloud Datastore's GQL, as the v1 API's {@code GqlQuery} takes it: {@code @1} and {@code @name}
   * bindings, {@code HAS ANCESTOR}, {@code IN ARRAY(…)}, {@code OR}, aggregations.
   */
  CLOUD
}
