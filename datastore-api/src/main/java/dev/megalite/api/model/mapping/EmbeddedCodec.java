package dev.megalite.api.model.mapping;

import dev.megalite.api.EntityValue;
import dev.megalite.api.Value;

/**
 * A class embedded in an entity, stored as an embedded entity (its indexed properties indexed
 * under dotted names). The class's mapping is looked up on first use, so a class may embed itself.
 */
final class EmbeddedCodec extends Codec {
  private final Class<?> type;
  private volatile ClassMapping<?> mapping;

  EmbeddedCodec(Class<?> type) {
    super(type.getSimpleName());
    this.type = type;
  }

  Class<?> type() {
    return type;
  }

  ClassMapping<?> mapping() {
    ClassMapping<?> m = mapping;
    if (m == null) {
      m = ClassMapping.of(type);
      mapping = m;
    }
    return m;
  }

  @Override
  Value encode(Object v, boolean indexed) {
    return new EntityValue(mapping().toEmbedded(v), indexed);
  }

  @Override
  Object decode(Value v) throws Mismatch {
    if (v instanceof EntityValue e) {
      return mapping().fromEmbedded(e.value());
    }
    throw doesNotFit(v);
  }
}
