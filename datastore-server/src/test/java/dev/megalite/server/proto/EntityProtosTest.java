package dev.megalite.server.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.datastore.v1.PartitionId;
import com.google.datastore.v1.Value;
import com.google.protobuf.Timestamp;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.error.BadRequestException;
import org.junit.jupiter.api.Test;

/** Values that arrive from a request: what converts, and what is refused with its reason. */
class EntityProtosTest {
  static final Partition PARTITION = Partition.of("p", PartitionId.getDefaultInstance());

  static dev.megalite.api.Value timestamp(long seconds, int nanos) {
    return EntityProtos.value(Value.newBuilder().setTimestampValue(
        Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos)).build(), PARTITION, "t", false);
  }

  @Test
  void aTimestampKeepsMicrosecondsAndDropsFinerDigits() {
    assertThat(((TimestampValue) timestamp(-1, 999_999_999)).micros()).isEqualTo(-1);
    assertThat(((TimestampValue) timestamp(2, 1_999)).micros()).isEqualTo(2_000_001);
  }

  @Test
  void timestampNanosOutsideOneSecondAreRefusedNotShifted() {
    assertThatThrownBy(() -> timestamp(0, 1_000_000_000))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("1000000000");
    assertThatThrownBy(() -> timestamp(0, -1))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("nanos -1");
  }
}
