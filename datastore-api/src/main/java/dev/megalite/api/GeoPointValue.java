package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;

/** A geographical point; orders by latitude, then longitude. */
public record GeoPointValue(double latitude, double longitude, boolean indexed) implements Value {
  public GeoPointValue {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new BadRequestException("geo point latitude " + latitude + " is outside [-90, 90]");
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new BadRequestException("geo point longitude " + longitude + " is outside [-180, 180]");
    }
  }

  @Override
  public ValueType type() {
    return ValueType.GEO_POINT;
  }

  @Override
  public Value withIndexed(boolean indexed) {
    return new GeoPointValue(latitude, longitude, indexed);
  }
}
