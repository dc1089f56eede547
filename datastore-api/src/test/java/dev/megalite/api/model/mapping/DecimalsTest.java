package dev.megalite.api.model.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalsTest {

  private static BigDecimal random(Random r) {
    int digits = 1 + r.nextInt(r.nextBoolean() ? 4 : 40);
    BigInteger unscaled = new BigInteger(digits * 4, r);
    if (r.nextInt(10) == 0) {
      unscaled = unscaled.multiply(BigInteger.TEN.pow(r.nextInt(5)));
    }
    if (r.nextBoolean()) {
      unscaled = unscaled.negate();
    }
    int scale = r.nextInt(10) == 0 ? r.nextInt() : r.nextInt(41) - 20;
    return new BigDecimal(unscaled, scale);
  }

  @Test
  void encodedStringsSortInNumericOrder() {
    Random r = new Random(11);
    List<BigDecimal> values = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      values.add(random(r));
    }
    for (int i = 0; i + 1 < values.size(); i++) {
      BigDecimal a = values.get(i);
      BigDecimal b = values.get(i + 1);
      int numeric = a.compareTo(b);
      int text = Decimals.encode(a).compareTo(Decimals.encode(b));
      if (numeric != 0) {
        assertThat(Integer.signum(text)).as("%s vs %s", a, b).isEqualTo(Integer.signum(numeric));
      }
    }
  }

  @Test
  void numericallyEqualValuesOfDifferentScalesSortNextToEachOther() {
    List<String> encoded = new ArrayList<>();
    for (String s : List.of("2.49", "2.5", "2.50", "2.500", "2.51", "-2.5", "-2.50", "-2.49")) {
      encoded.add(Decimals.encode(new BigDecimal(s)));
    }
    List<String> sorted = new ArrayList<>(encoded);
    sorted.sort(null);

    assertThat(sorted).containsExactly(encoded.get(6), encoded.get(5), encoded.get(7),
        encoded.get(0), encoded.get(1), encoded.get(2), encoded.get(3), encoded.get(4));
  }

  @Test
  void everyValueRoundTripsWithItsScale() {
    Random r = new Random(12);
    for (int i = 0; i < 3000; i++) {
      BigDecimal v = random(r);
      assertThat(Decimals.decode(Decimals.encode(v))).isEqualTo(v);
    }
    for (BigDecimal v : List.of(BigDecimal.ZERO, new BigDecimal("0.000"), new BigDecimal("0E+5"),
        new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE),
        new BigDecimal(BigInteger.ONE.negate(), Integer.MAX_VALUE))) {
      assertThat(Decimals.decode(Decimals.encode(v))).isEqualTo(v);
    }
  }

  @Test
  void theDocumentedExamplesHold() {
    assertThat(Decimals.encode(new BigDecimal("12.50"))).isEqualTo("2L11250");
    assertThat(Decimals.encode(new BigDecimal("-12.50"))).isEqualTo("0J88749~");
    assertThat(Decimals.encode(new BigDecimal("0.001"))).isEqualTo("2J61");
    assertThat(Decimals.encode(new BigDecimal("0.00"))).isEqualTo("12");
  }

  @Test
  void stringsThatAreNotEncodedDecimalsAreRefused() {
    for (String bad : List.of("", "3", "2", "2L", "2L1", "2L10", "2L1-5", "0J81", "2Zx1", "1x")) {
      assertThatThrownBy(() -> Decimals.decode(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
