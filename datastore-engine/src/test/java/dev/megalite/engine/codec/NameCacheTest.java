package dev.megalite.engine.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Cached names decode exactly as {@code new String(bytes, UTF_8)} does, whatever the cache held. */
class NameCacheTest {

  @Test
  void aNameReadTwiceIsTheSameStringDecodedOnce() {
    NameCache cache = new NameCache();
    byte[] row = "xxnamexx".getBytes(StandardCharsets.UTF_8);
    String first = cache.text(row, 2, 4);
    String second = cache.text("name".getBytes(StandardCharsets.UTF_8), 0, 4);
    assertThat(first).isEqualTo("name");
    assertThat(second).isSameAs(first);
  }

  @Test
  void namesThatShareASlotEachDecodeToTheirOwnText() {
    NameCache cache = new NameCache();
    // Far more names than slots: every slot is shared and overwritten, again and again.
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < NameCache.SLOTS * 4; i++) {
        String name = "p" + i;
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        assertThat(cache.text(b, 0, b.length)).isEqualTo(name);
      }
    }
  }

  @Test
  void namesAtAndBeyondTheCachedLengthDecodeExactly() {
    NameCache cache = new NameCache();
    for (int length : new int[] {0, 1, NameCache.MAX_BYTES - 1, NameCache.MAX_BYTES,
        NameCache.MAX_BYTES + 1, 1_500}) {
      String name = "n".repeat(length);
      byte[] b = name.getBytes(StandardCharsets.UTF_8);
      assertThat(cache.text(b, 0, b.length)).isEqualTo(name);
      assertThat(cache.text(b, 0, b.length)).isEqualTo(name);
    }
  }

  @Test
  void anyBytesDecodeAsTheStringConstructorDecodesThem() {
    NameCache cache = new NameCache();
    Random random = new Random(TupleCodecPropertyTest.SEED);
    for (int n = 0; n < 20_000; n++) {
      // Few distinct short inputs, so hits, misses and malformed UTF-8 all occur.
      byte[] b = new byte[random.nextInt(6)];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) (random.nextBoolean() ? 'a' + random.nextInt(3) : 0xC0 + random.nextInt(64));
      }
      assertThat(cache.text(b, 0, b.length))
          .as("seed %d", TupleCodecPropertyTest.SEED)
          .isEqualTo(new String(b, StandardCharsets.UTF_8));
    }
  }

  @Test
  void threadsSharingTheCacheEachGetTheirOwnNames() throws Exception {
    NameCache cache = new NameCache();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        results.add(pool.submit(() -> {
          int wrong = 0;
          for (int n = 0; n < 200_000; n++) {
            String name = "t" + thread + "-" + (n % (NameCache.SLOTS * 2));
            byte[] b = name.getBytes(StandardCharsets.UTF_8);
            if (!cache.text(b, 0, b.length).equals(name)) {
              wrong++;
            }
          }
          return wrong;
        }));
      }
      for (Future<Integer> f : results) {
        assertThat(f.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
