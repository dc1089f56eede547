package dev.megalite.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.megalite.api.Entity;
import dev.megalite.api.error.BadRequestException;
import dev.megalite.api.query.Cursor;
import dev.megalite.api.query.Query;
import dev.megalite.api.query.QueryResults;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cursor whose header is intact but whose position was altered is a bad request, not corruption. */
class TamperedCursorTest {
  @TempDir Path dir;

  @Test
  void aDistinctQueryGivenATruncatedOrFlippedCursorFailsAsABadRequest() {
    try (MegaliteDatastore ds = Megalite.open(dir)) {
      for (int i = 0; i < 6; i++) {
        ds.put(Entity.newBuilder(ds.newKey("Note", "n" + i)).set("s", "v" + (i % 3)).build());
      }
      Query q = Query.newBuilder("Note").projection("s").distinctOn("s").limit(1).build();
      Cursor end;
      try (QueryResults<Entity> r = ds.run(q)) {
        r.next();
        end = r.cursorAfter();
      }
      byte[] bytes = end.toByteArray();
      byte[] truncated = Arrays.copyOf(bytes, 11);
      byte[] flipped = bytes.clone();
      flipped[9] ^= 0x40;
      for (byte[] bad : new byte[][] {truncated, flipped}) {
        Query resumed = q.toBuilder().startCursor(Cursor.of(bad)).build();
        assertThatThrownBy(() -> {
          try (QueryResults<Entity> r = ds.run(resumed)) {
            while (r.hasNext()) {
              r.next();
            }
          }
        }).isInstanceOf(BadRequestException.class).hasMessageContaining("cursor");
      }
    }
  }
}
