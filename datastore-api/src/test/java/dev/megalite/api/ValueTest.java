package dev.megalite.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.megalite.api.error.BadRequestException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ValueTest {

  @Nested
  class Equality {

    @Test
    void valuesOfTheSameTypeAndContentAreEqual() {
      assertThat(Value.of(5L)).isEqualTo(new IntegerValue(5, true)).hasSameHashCodeAs(Value.of(5L));
      assertThat(Value.of("x")).isEqualTo(new StringValue("x", true));
      assertThat(Value.of(true)).isEqualTo(new BooleanValue(true, true));
      assertThat(Value.ofNull()).isEqualTo(new NullValue(true));
      assertThat(Value.geoPoint(1, 2)).isEqualTo(new GeoPointValue(1, 2, true));
      assertThat(Value.user("a@b.c")).isEqualTo(new UserValue("a@b.c", "gmail.com", true));
    }

    @Test
    void valuesOfDifferentTypesWithTheSameNumberAreNotEqual() {
      assertThat(Value.of(1L)).isNotEqualTo(Value.of(1.0));
      assertThat(Value.of(1L)).isNotEqualTo(Value.timestampMicros(1));
    }

    @Test
    void theIndexedFlagIsPartOfEquality() {
      assertThat(Value.of(5L)).isNotEqualTo(Value.of(5L).unindexed());
      assertThat(Value.of(new byte[] {1})).isNotEqualTo(Value.of(new byte[] {1}).unindexed());
    }

    @Test
    void nanEqualsNanAsRecordsCompareDoublesWithDoubleCompare() {
      Value nan = Value.of(Double.NaN);

      assertThat(nan).isEqualTo(Value.of(Double.NaN)).hasSameHashCodeAs(Value.of(Double.NaN));
      assertThat(nan).isEqualTo(new DoubleValue(Double.longBitsToDouble(0x7ff8000000000001L), true));
    }

    @Test
    void negativeZeroIsNotEqualToPositiveZero() {
      assertThat(Value.of(-0.0)).isNotEqualTo(Value.of(0.0));
      assertThat(Value.geoPoint(-0.0, 0)).isNotEqualTo(Value.geoPoint(0.0, 0));
    }

    @Test
    void bytesValuesCompareByContent() {
      Value a = Value.of(new byte[] {1, 2, 3});
      Value b = Value.of(new byte[] {1, 2, 3});

      assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
      assertThat(a).isNotEqualTo(Value.of(new byte[] {1, 2, 4}));
    }
  }

  @Nested
  class Types {

    @Test
    void eachValueReportsItsType() {
      Key key = Key.of("p", "K", 1);
      Entity embedded = Entity.newEmbeddedBuilder().set("a", 1L).build();

      assertThat(Value.ofNull().type()).isEqualTo(ValueType.NULL);
      assertThat(Value.of(1L).type()).isEqualTo(ValueType.INTEGER);
      assertThat(Value.of(1.5).type()).isEqualTo(ValueType.DOUBLE);
      assertThat(Value.of(true).type()).isEqualTo(ValueType.BOOLEAN);
      assertThat(Value.of("s").type()).isEqualTo(ValueType.STRING);
      assertThat(Value.of(new byte[0]).type()).isEqualTo(ValueType.BYTES);
      assertThat(Value.timestampMicros(0).type()).isEqualTo(ValueType.TIMESTAMP);
      assertThat(Value.of(key).type()).isEqualTo(ValueType.KEY);
      assertThat(Value.geoPoint(0, 0).type()).isEqualTo(ValueType.GEO_POINT);
      assertThat(Value.user("a@b.c").type()).isEqualTo(ValueType.USER);
      assertThat(Value.of(embedded).type()).isEqualTo(ValueType.ENTITY);
      assertThat(Value.list(Value.of(1L)).type()).isEqualTo(ValueType.LIST);
    }

    @Test
    void nullContentsAreRejectedWithAHintToUseTheNullValue() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Value.of((String) null))
          .withMessageContaining("Value.ofNull()");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Value.of((byte[]) null))
          .withMessageContaining("Value.ofNull()");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Value.of((Key) null))
          .withMessageContaining("Value.ofNull()");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Value.of((Instant) null))
          .withMessageContaining("Value.ofNull()");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Value.of((Entity) null))
          .withMessageContaining("Value.ofNull()");
    }

    @Test
    void userNeedsAnEmailAndAnAuthDomain() {
      assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> Value.user(""));
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> new UserValue("a@b.c", null, true));
    }
  }

  @Nested
  class Bytes {

    @Test
    void mutatingTheSourceArrayDoesNotChangeTheValue() {
      byte[] source = {1, 2, 3};
      BytesValue value = (BytesValue) Value.of(source);

      source[0] = 99;

      assertThat(value.value()).containsExactly(1, 2, 3);
      assertThat(value.byteAt(0)).isEqualTo((byte) 1);
    }

    @Test
    void mutatingTheReturnedArrayDoesNotChangeTheValue() {
      BytesValue value = (BytesValue) Value.of(new byte[] {1, 2, 3});

      value.value()[0] = 99;

      assertThat(value.value()).containsExactly(1, 2, 3);
      assertThat(value.length()).isEqualTo(3);
    }

    @Test
    void unindexedCopyHasTheSameBytes() {
      BytesValue value = (BytesValue) Value.of(new byte[] {4, 5});

      BytesValue unindexed = (BytesValue) value.unindexed();

      assertThat(unindexed.indexed()).isFalse();
      assertThat(unindexed.value()).containsExactly(4, 5);
      assertThat(value.indexed()).isTrue();
    }
  }

  @Nested
  class Indexing {

    @Test
    void valuesAreIndexedByDefaultAndUnindexedReturnsAnUnindexedCopy() {
      List<Value> values =
          List.of(
              Value.ofNull(),
              Value.of(1L),
              Value.of(1.5),
              Value.of(true),
              Value.of("s"),
              Value.of(new byte[] {1}),
              Value.timestampMicros(3),
              Value.of(Key.of("p", "K", 1)),
              Value.geoPoint(1, 2),
              Value.user("a@b.c"),
              Value.of(Entity.newEmbeddedBuilder().set("a", 1L).build()));
      for (Value v : values) {
        Value unindexed = v.unindexed();

        assertThat(v.indexed()).as("%s", v).isTrue();
        assertThat(unindexed.indexed()).as("%s", v).isFalse();
        assertThat(unindexed.type()).isEqualTo(v.type());
        assertThat(unindexed.withIndexed(true)).isEqualTo(v);
      }
    }

    @Test
    void withIndexedOnAListSetsEveryElement() {
      Value list = Value.list(Value.of(1L), Value.of("a").unindexed());

      ListValue unindexed = (ListValue) list.withIndexed(false);
      ListValue indexed = (ListValue) unindexed.withIndexed(true);

      assertThat(unindexed.values()).allMatch(v -> !v.indexed());
      assertThat(indexed.values()).allMatch(Value::indexed);
      assertThat(unindexed.indexed()).isFalse();
    }

    @Test
    void aListIsIndexedWhenAnyElementIs() {
      assertThat(Value.list(Value.of(1L).unindexed(), Value.of(2L)).indexed()).isTrue();
      assertThat(Value.list(Value.of(1L).unindexed()).indexed()).isFalse();
      assertThat(Value.list().indexed()).isFalse();
    }
  }

  @Nested
  class Lists {

    @Test
    void listKeepsItsElementsInOrder() {
      ListValue list = (ListValue) Value.list(Value.of(3L), Value.of("b"), Value.ofNull());

      assertThat(list.values()).containsExactly(Value.of(3L), Value.of("b"), Value.ofNull());
    }

    @Test
    void nestedListsAreRejected() {
      Value inner = Value.list(Value.of(1L));

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Value.list(Value.of(0L), inner))
          .withMessageContaining("list element 1 is a list");
    }

    @Test
    void nullElementIsRejectedByTheConstructor() {
      List<Value> values = new ArrayList<>(Arrays.asList(Value.of(1L), null));

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> new ListValue(values))
          .withMessageContaining("list element 1 is null");
    }

    @Test
    void nullElementIsRejectedByTheFactories() {
      List<Value> values = new ArrayList<>(Arrays.asList(Value.of(1L), null));

      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Value.list(Value.of(1L), null))
          .withMessageContaining("list element 1 is null");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Value.list(values))
          .withMessageContaining("list element 1 is null");
    }

    @Test
    void listCopiesItsInputAndIsUnmodifiable() {
      List<Value> source = new ArrayList<>(List.of(Value.of(1L)));
      ListValue list = new ListValue(source);

      source.add(Value.of(2L));

      assertThat(list.values()).containsExactly(Value.of(1L));
      assertThatExceptionOfType(UnsupportedOperationException.class)
          .isThrownBy(() -> list.values().add(Value.of(3L)));
    }

    @Test
    void nullListIsRejected() {
      assertThatExceptionOfType(BadRequestException.class).isThrownBy(() -> new ListValue(null));
    }
  }

  @Nested
  class Timestamps {


    @Test
    void instantRoundTripsWhenItHasWholeMicroseconds() {
      Instant instant = Instant.parse("2024-02-29T12:34:56.123456Z");

      assertThat(TimestampValue.of(instant).toInstant()).isEqualTo(instant);
      assertThat(TimestampValue.of(instant).micros()).isEqualTo(1_709_210_096_123_456L);
    }

    @Test
    void nanosecondsAreTruncatedToMicroseconds() {
      Instant instant = Instant.parse("2024-02-29T12:34:56.123456789Z");

      assertThat(TimestampValue.of(instant).toInstant())
          .isEqualTo(Instant.parse("2024-02-29T12:34:56.123456Z"));
    }

    @Test
    void wholeMicrosecondsBeforeTheEpochRoundTrip() {
      Instant instant = Instant.parse("1969-07-20T20:17:40.000001Z");

      assertThat(TimestampValue.of(instant).toInstant()).isEqualTo(instant);
      assertThat(TimestampValue.of(instant).micros()).isNegative();
    }
    @Test
    void instantsBeforeTheEpochTruncateTowardsThePast() {
      Instant instant = Instant.parse("1969-12-31T23:59:59.999999999Z");

      TimestampValue value = TimestampValue.of(instant);

      assertThat(value.micros()).isEqualTo(-1);
      assertThat(value.toInstant()).isEqualTo(instant.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void microsAtTheRangeEndsConvertToTheFirstAndLastInstants() {
      assertThat(new TimestampValue(TimestampValue.MIN_MICROS, true).toInstant())
          .isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
      assertThat(new TimestampValue(TimestampValue.MAX_MICROS, true).toInstant())
          .isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }
    @Test
    void instantsAtTheRangeEndsConvertToTheFirstAndLastMicros() {
      Instant first = Instant.parse("0001-01-01T00:00:00Z");
      Instant last = Instant.parse("9999-12-31T23:59:59.999999Z");

      assertThat(TimestampValue.of(first).micros()).isEqualTo(TimestampValue.MIN_MICROS);
      assertThat(TimestampValue.of(last).micros()).isEqualTo(TimestampValue.MAX_MICROS);
      assertThat(TimestampValue.of(Instant.parse("9999-12-31T23:59:59.999999999Z")).micros())
          .isEqualTo(TimestampValue.MAX_MICROS);
    }

    @Test
    void microsOutsideTheRangeAreRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Value.timestampMicros(TimestampValue.MIN_MICROS - 1))
          .withMessageContaining("outside 0001-01-01..9999-12-31");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Value.timestampMicros(TimestampValue.MAX_MICROS + 1))
          .withMessageContaining("outside 0001-01-01..9999-12-31");
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> Value.timestampMicros(Long.MIN_VALUE));
    }

    @Test
    void instantsOutsideTheRangeAreRejected() {
      for (Instant bad :
          List.of(
              Instant.MIN,
              Instant.MAX,
              Instant.parse("0000-12-31T23:59:59.999999999Z"),
              Instant.parse("+10000-01-01T00:00:00.000001Z"))) {
        assertThatExceptionOfType(BadRequestException.class)
            .as("%s", bad)
            .isThrownBy(() -> TimestampValue.of(bad))
            .withMessageContaining("outside 0001-01-01..9999-12-31");
      }
    }
    @Test
    void theFirstInstantOfYear10000IsRejected() {
      assertThatExceptionOfType(BadRequestException.class)
          .isThrownBy(() -> TimestampValue.of(Instant.parse("+10000-01-01T00:00:00Z")))
          .withMessageContaining("outside 0001-01-01..9999-12-31");
    }

    @Test
    void instantsAfterTheEpochRoundTripAfterTruncation() {
      Random random = new Random(11);
      for (int i = 0; i < 1000; i++) {
        long seconds = random.nextLong(0, 7_258_118_400L); // 1970..2200
        Instant instant = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));

        Instant back = TimestampValue.of(instant).toInstant();

        assertThat(back).isEqualTo(instant.truncatedTo(ChronoUnit.MICROS));
      }
    }
    @Test
    void instantsAcrossTheWholeRangeRoundTripAfterTruncation() {
      Random random = new Random(11);
      for (int i = 0; i < 1000; i++) {
        long seconds = random.nextLong(-62_135_596_800L, 253_402_300_800L);
        Instant instant = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));

        Instant back = TimestampValue.of(instant).toInstant();

        assertThat(back).as("%s", instant).isEqualTo(instant.truncatedTo(ChronoUnit.MICROS));
      }
    }
  }

  @Nested
  class GeoPoints {

    @Test
    void boundaryCoordinatesAreAccepted() {
      GeoPointValue corner = new GeoPointValue(-90, 180, true);

      assertThat(corner.latitude()).isEqualTo(-90);
      assertThat(corner.longitude()).isEqualTo(180);
      assertThat(Value.geoPoint(90, -180)).isInstanceOf(GeoPointValue.class);
    }

    @Test
    void latitudeOutsideRangeIsRejected() {
      for (double bad : new double[] {90.000001, -90.5, Double.NaN, Double.POSITIVE_INFINITY}) {
        assertThatExceptionOfType(BadRequestException.class)
            .as("latitude %s", bad)
            .isThrownBy(() -> Value.geoPoint(bad, 0))
            .withMessageContaining("latitude");
      }
    }

    @Test
    void longitudeOutsideRangeIsRejected() {
      for (double bad : new double[] {180.5, -181, Double.NaN, Double.NEGATIVE_INFINITY}) {
        assertThatExceptionOfType(BadRequestException.class)
            .as("longitude %s", bad)
            .isThrownBy(() -> Value.geoPoint(0, bad))
            .withMessageContaining("longitude");
      }
    }
  }
}
