package dev.megalite.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.megalite.api.error.BadRequestException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The url-safe key form: App Engine's Reference encoding, round trips and garbage input. */
class KeyUrlSafeTest {

    @Test
    void encodesAppEngineReferenceBytes() {
      Key key = Key.of("s~myapp-id", "", List.of(PathElement.of("Kind", "key-name")));
      // 6a 0a "s~myapp-id"      app (field 13), 10 bytes
      // 72 12                   path (field 14), 18 bytes
      // 0b                      start of element group (field 1)
      // 12 04 "Kind"            type (field 2)
      // 22 08 "key-name"        name (field 4)
      // 0c                      end of element group
      byte[] expected =
          HexFormat.of()
              .parseHex(
                  "6a0a" + KeyTest.hex("s~myapp-id") + "7212" + "0b" + "1204" + KeyTest.hex("Kind") + "2208"
                      + KeyTest.hex("key-name") + "0c");

      assertThat(key.toUrlSafe())
          .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected))
          .isEqualTo("agpzfm15YXBwLWlkchILEgRLaW5kIghrZXktbmFtZQw");
    }

    @Test
    void encodesNumericIdsAsVarintsAndTheNamespaceAsField20() {
      Key key = Key.of("p", "ns", "K", 300);
      // 6a 01 "p" | 72 08 0b 12 01 "K" 18 ac02 0c | a201 02 "ns"   (300 = varint ac 02)
      byte[] expected =
          HexFormat.of()
              .parseHex("6a01" + KeyTest.hex("p") + "7208" + "0b1201" + KeyTest.hex("K") + "18ac02" + "0c"
                  + "a20102" + KeyTest.hex("ns"));

      assertThat(Base64.getUrlDecoder().decode(key.toUrlSafe())).isEqualTo(expected);
    }

    @Test
    void decodesTheAppEngineReferenceForm() {
      Key key = Key.fromUrlSafe("agpzfm15YXBwLWlkchILEgRLaW5kIghrZXktbmFtZQw");

      assertThat(key).isEqualTo(Key.of("s~myapp-id", "Kind", "key-name"));
    }

    @Test
    void referenceWhoseLengthPrefixesDoNotMatchItsContentsIsRejected() {
      // The brief's vector: app length 12 for the 10 bytes "s~myapp-id", path length 19 for 18
      // bytes, name length 9 for the 8 bytes "key-name".
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.fromUrlSafe("agxzfm15YXBwLWlkchMLEgRLaW5kIglrZXktbmFtZQw"));
    }

    @Test
    void randomKeysRoundTripThroughTheUrlSafeForm() {
      Random random = new Random(20240601);
      for (int i = 0; i < 1000; i++) {
        Key key = KeyTest.randomKey(random, 5, 12);

        String urlSafe = key.toUrlSafe();

        assertThat(urlSafe).as("%s", key).matches("[A-Za-z0-9_-]+");
        assertThat(Key.fromUrlSafe(urlSafe)).as("%s", key).isEqualTo(key);
      }
    }

    @Test
    void surroundingWhitespaceIsIgnoredWhenDecoding() {
      Key key = Key.of(KeyTest.PROJECT, "ns", "K", 5);

      assertThat(Key.fromUrlSafe("  " + key.toUrlSafe() + "\n")).isEqualTo(key);
    }

    @Test
    void emptyOrNullInputIsABadRequest() {
      assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Key.fromUrlSafe(""));
      assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Key.fromUrlSafe(null));
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.fromUrlSafe("   "));
    }

    @Test
    void nonBase64InputIsABadRequest() {
      for (String bad : List.of("!!!", "a", "ab+/", "k\u00e9y", "agpz fm15")) {
        assertThatExceptionOfType(BadRequestException.class)
            .as("'%s'", bad)
            .isThrownBy(() -> Key.fromUrlSafe(bad));
      }
    }

    @Test
    void everyTruncationOfAValidKeyIsABadRequest() {
      Random random = new Random(99);
      for (int i = 0; i < 50; i++) {
        Key key = KeyTest.randomKeyInDefaultNamespace(random);
        String urlSafe = key.toUrlSafe();
        for (int length = 1; length < urlSafe.length(); length++) {
          String prefix = urlSafe.substring(0, length);
          assertThatExceptionOfType(BadRequestException.class)
              .as("prefix '%s' of %s", prefix, key)
              .isThrownBy(() -> Key.fromUrlSafe(prefix));
        }
      }
    }

    @Test
    void base64OfRandomBytesIsEitherAKeyOrABadRequestButNeverAnotherException() {
      Random random = new Random(1234);
      for (int i = 0; i < 5000; i++) {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        if (i % 2 == 0 && bytes.length > 2) {
          bytes[0] = 0x6a; // start like a reference to get past the first tag now and then
        }
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        Throwable thrown = catchThrowable(() -> Key.fromUrlSafe(text));

        if (thrown != null) {
          assertThat(thrown).as("'%s'", text).isInstanceOf(BadRequestException.class);
        }
      }
    }

    @Test
    void mutationsOfValidKeysAreEitherAKeyOrABadRequestButNeverAnotherException() {
      Random random = new Random(5678);
      for (int i = 0; i < 2000; i++) {
        byte[] bytes = Base64.getUrlDecoder().decode(KeyTest.randomKey(random, 3, 6).toUrlSafe());
        int flips = 1 + random.nextInt(3);
        for (int f = 0; f < flips; f++) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        String text = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        Throwable thrown = catchThrowable(() -> Key.fromUrlSafe(text));

        if (thrown != null) {
          assertThat(thrown).as("'%s'", text).isInstanceOf(BadRequestException.class);
        }
      }
    }

    @Test
    void referenceWithAnInvalidPartIsABadRequestNamingTheProblem() {
      // 6a 01 "p" | 72 07 0b 12 01 "K" 18 00 0c : id 0
      String idZero = KeyTest.urlSafeOfHex("6a01" + KeyTest.hex("p") + "72070b1201" + KeyTest.hex("K") + "18000c");
      // 72 07 0b 12 01 "K" 18 01 0c without an app
      String noApp = KeyTest.urlSafeOfHex("72070b1201" + KeyTest.hex("K") + "18010c");
      // 6a 01 "p" without a path
      String noPath = KeyTest.urlSafeOfHex("6a01" + KeyTest.hex("p"));

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.fromUrlSafe(idZero))
          .withMessageContaining("not positive");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.fromUrlSafe(noApp))
          .withMessageContaining("lacks the project");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Key.fromUrlSafe(noPath))
          .withMessageContaining("lacks the path");
    }
}
