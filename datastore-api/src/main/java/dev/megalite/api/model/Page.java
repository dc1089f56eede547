package dev.megalite.api.model;

import dev.megalite.api.query.Cursor;
import java.util.List;

/**
 * One page of typed query results: the items, the cursor after the last of them (pass it to
 * {@code startAt} for the next page), and whether more results follow.
 *
 * @param <T> the model class
 */
public record Page<T>(List<T> items, Cursor cursor, boolean hasMore) {
  public Page {
    items = List.copyOf(items);
  }
}
