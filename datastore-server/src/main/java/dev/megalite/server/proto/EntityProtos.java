package dev.megalite.server.proto;

import com.google.datastore.v1.ArrayValue;
import com.google.datastore.v1.PartitionId;
import com.google.protobuf.ByteString;
import com.google.protobuf.NullValue;
import com.google.protobuf.Timestamp;
import com.google.type.LatLng;
import dev.megalite.api.BaseKey;
import dev.megalite.api.BooleanValue;
import dev.megalite.api.BytesValue;
import dev.megalite.api.DoubleValue;
import dev.megalite.api.Entity;
import dev.megalite.api.EntityValue;
import dev.megalite.api.GeoPointValue;
import dev.megalite.api.IncompleteKey;
import dev.megalite.api.IntegerValue;
import dev.megalite.api.Key;
import dev.megalite.api.KeyValue;
import dev.megalite.api.ListValue;
import dev.megalite.api.PathElement;
import dev.megalite.api.StringValue;
import dev.megalite.api.TimestampValue;
import dev.megalite.api.UserValue;
import dev.megalite.api.Value;
import dev.megalite.api.error.BadRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Converts keys, values and entities between the {@code google.datastore.v1} messages and the
 * Megalite api. A request's project and namespace fill in what a key's partition leaves empty; a
 * key of another project is rejected, as the real service does.
 */
public final class EntityProtos {
  /** The meaning App Engine gave an entity value that holds a user (email, auth domain). */
  static final int MEANING_USER = 20;

  private EntityProtos() {}

  /** A key that may be incomplete (its last path element has neither id nor name). */
  public static BaseKey baseKey(com.google.datastore.v1.Key pb, Partition partition) {
    String project = partition.project(pb.getPartitionId());
    String namespace = partition.namespace(pb.getPartitionId());
    int n = pb.getPathCount();
    if (n == 0) {
      throw new BadRequestException("a key must have at least one path element");
    }
    List<PathElement> path = new ArrayList<>(n);
    for (int i = 0; i < n - 1; i++) {
      com.google.datastore.v1.Key.PathElement e = pb.getPath(i);
      if (e.getIdTypeCase() == com.google.datastore.v1.Key.PathElement.IdTypeCase.IDTYPE_NOT_SET) {
        throw new BadRequestException(
            "key path element " + i + " (kind '" + e.getKind() + "') is incomplete; only the last"
                + " element of a key may lack an id or name");
      }
      path.add(element(e));
    }
    com.google.datastore.v1.Key.PathElement last = pb.getPath(n - 1);
    if (last.getIdTypeCase() == com.google.datastore.v1.Key.PathElement.IdTypeCase.IDTYPE_NOT_SET) {
      Key parent = path.isEmpty() ? null : Key.of(project, namespace, path);
      return parent == null
          ? IncompleteKey.of(project, namespace, last.getKind())
          : IncompleteKey.of(parent, last.getKind());
    }
    path.add(element(last));
    return Key.of(project, namespace, path);
  }

  /** A complete key; an incomplete one is an error naming {@code what}. */
  public static Key key(com.google.datastore.v1.Key pb, Partition partition, String what) {
    if (baseKey(pb, partition) instanceof Key k) {
      return k;
    }
    throw new BadRequestException(what + " needs a complete key (with an id or a name)");
  }

  private static PathElement element(com.google.datastore.v1.Key.PathElement e) {
    if (e.getIdTypeCase() == com.google.datastore.v1.Key.PathElement.IdTypeCase.ID) {
      if (e.getId() <= 0) {
        throw new BadRequestException(
            "key path element of kind '" + e.getKind() + "' has id " + e.getId()
                + "; ids must be positive");
      }
      return PathElement.of(e.getKind(), e.getId());
    }
    return PathElement.of(e.getKind(), e.getName());
  }

  public static com.google.datastore.v1.Key toProto(BaseKey key) {
    com.google.datastore.v1.Key.Builder b = com.google.datastore.v1.Key.newBuilder()
        .setPartitionId(PartitionId.newBuilder()
            .setProjectId(key.project())
            .setNamespaceId(key.namespace()));
    for (PathElement e : key.path()) {
      com.google.datastore.v1.Key.PathElement.Builder pe =
          com.google.datastore.v1.Key.PathElement.newBuilder().setKind(e.kind());
      if (e.hasId()) {
        pe.setId(e.id());
      } else if (e.hasName()) {
        pe.setName(e.name());
      }
      b.addPath(pe);
    }
    if (key instanceof IncompleteKey ik) {
      b.addPath(com.google.datastore.v1.Key.PathElement.newBuilder().setKind(ik.kind()));
    }
    return b.build();
  }

  /** An entity; its key may be incomplete (inserts and upserts allocate the id). */
  public static Entity entity(com.google.datastore.v1.Entity pb, Partition partition) {
    if (!pb.hasKey()) {
      throw new BadRequestException("an entity to write needs a key");
    }
    return properties(Entity.newBuilder(baseKey(pb.getKey(), partition)), pb, partition).build();
  }

  private static Entity.Builder properties(
      Entity.Builder b, com.google.datastore.v1.Entity pb, Partition partition) {
    for (Map.Entry<String, com.google.datastore.v1.Value> p : pb.getPropertiesMap().entrySet()) {
      b.set(p.getKey(), value(p.getValue(), partition, p.getKey(), false));
    }
    return b;
  }

  /** A value; {@code property} names it in error messages. */
  public static Value value(
      com.google.datastore.v1.Value pb, Partition partition, String property, boolean inArray) {
    boolean indexed = !pb.getExcludeFromIndexes();
    Value v = switch (pb.getValueTypeCase()) {
      case NULL_VALUE, VALUETYPE_NOT_SET -> Value.ofNull();
      case BOOLEAN_VALUE -> Value.of(pb.getBooleanValue());
      case INTEGER_VALUE -> Value.of(pb.getIntegerValue());
      case DOUBLE_VALUE -> Value.of(pb.getDoubleValue());
      case TIMESTAMP_VALUE -> Value.timestampMicros(micros(pb.getTimestampValue(), property));
      case KEY_VALUE -> Value.of(key(pb.getKeyValue(), partition, "key property '" + property + "'"));
      case STRING_VALUE -> Value.of(pb.getStringValue());
      case BLOB_VALUE -> Value.of(pb.getBlobValue().toByteArray());
      case GEO_POINT_VALUE -> Value.geoPoint(
          pb.getGeoPointValue().getLatitude(), pb.getGeoPointValue().getLongitude());
      case ENTITY_VALUE -> embedded(pb, partition);
      case ARRAY_VALUE -> {
        if (inArray) {
          throw new BadRequestException(
              "property '" + property + "': an array value cannot contain another array value");
        }
        List<Value> values = new ArrayList<>(pb.getArrayValue().getValuesCount());
        for (com.google.datastore.v1.Value e : pb.getArrayValue().getValuesList()) {
          Value element = value(e, partition, property, true);
          values.add(indexed ? element : element.withIndexed(false));
        }
        yield Value.list(values);
      }
    };
    return indexed || v instanceof ListValue ? v : v.withIndexed(false);
  }

  private static Value embedded(com.google.datastore.v1.Value pb, Partition partition) {
    com.google.datastore.v1.Entity e = pb.getEntityValue();
    if (pb.getMeaning() == MEANING_USER && e.containsProperties("email")) {
      String domain = e.containsProperties("auth_domain")
          ? e.getPropertiesOrThrow("auth_domain").getStringValue()
          : "";
      return new UserValue(e.getPropertiesOrThrow("email").getStringValue(), domain, true);
    }
    Entity.Builder b = e.hasKey()
        ? Entity.newBuilder(baseKey(e.getKey(), partition))
        : Entity.newEmbeddedBuilder();
    return Value.of(properties(b, e, partition).build());
  }

  private static long micros(Timestamp t, String property) {
    // Cloud Datastore keeps microseconds: finer digits are dropped, as the service does.
    if (t.getNanos() < 0 || t.getNanos() > 999_999_999) {
      // Nanos count forward within the second; anything else would silently shift the time.
      throw new BadRequestException("property '" + property + "': timestamp nanos " + t.getNanos()
          + " is outside 0..999,999,999");
    }
    try {
      return Math.addExact(Math.multiplyExact(t.getSeconds(), 1_000_000L), t.getNanos() / 1_000);
    } catch (ArithmeticException e) {
      throw new BadRequestException("property '" + property + "': timestamp " + t.getSeconds()
          + "s is out of range");
    }
  }

  public static com.google.datastore.v1.Entity toProto(Entity entity) {
    com.google.datastore.v1.Entity.Builder b = com.google.datastore.v1.Entity.newBuilder();
    if (entity.key() != null) {
      b.setKey(toProto(entity.key()));
    }
    for (Map.Entry<String, Value> p : entity.properties().entrySet()) {
      b.putProperties(p.getKey(), toProto(p.getValue()));
    }
    return b.build();
  }

  public static com.google.datastore.v1.Value toProto(Value value) {
    com.google.datastore.v1.Value.Builder b = com.google.datastore.v1.Value.newBuilder();
    if (value instanceof ListValue v) {
      ArrayValue.Builder a = ArrayValue.newBuilder();
      for (Value e : v.values()) {
        a.addValues(toProto(e));
      }
      return b.setArrayValue(a).build();
    }
    if (value instanceof BooleanValue v) {
      b.setBooleanValue(v.value());
    } else if (value instanceof IntegerValue v) {
      b.setIntegerValue(v.value());
    } else if (value instanceof DoubleValue v) {
      b.setDoubleValue(v.value());
    } else if (value instanceof TimestampValue v) {
      b.setTimestampValue(Timestamp.newBuilder()
          .setSeconds(Math.floorDiv(v.micros(), 1_000_000L))
          .setNanos((int) Math.floorMod(v.micros(), 1_000_000L) * 1_000));
    } else if (value instanceof KeyValue v) {
      b.setKeyValue(toProto(v.value()));
    } else if (value instanceof StringValue v) {
      b.setStringValue(v.value());
    } else if (value instanceof BytesValue v) {
      b.setBlobValue(ByteString.copyFrom(v.value()));
    } else if (value instanceof GeoPointValue v) {
      b.setGeoPointValue(LatLng.newBuilder().setLatitude(v.latitude()).setLongitude(v.longitude()));
    } else if (value instanceof UserValue v) {
      b.setMeaning(MEANING_USER).setEntityValue(com.google.datastore.v1.Entity.newBuilder()
          .putProperties("email", string(v.email()))
          .putProperties("auth_domain", string(v.authDomain() == null ? "" : v.authDomain())));
    } else if (value instanceof EntityValue v) {
      b.setEntityValue(toProto(v.value()));
    } else {
      b.setNullValue(NullValue.NULL_VALUE);
    }
    if (!value.indexed()) {
      b.setExcludeFromIndexes(true);
    }
    return b.build();
  }

  private static com.google.datastore.v1.Value string(String s) {
    return com.google.datastore.v1.Value.newBuilder().setStringValue(s).build();
  }
}
