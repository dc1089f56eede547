package dev.megalite.api.model;

import dev.megalite.api.error.BadRequestException;

/** A geographical point of a model field, stored as a geo point value (latitude, then longitude). */
public record GeoPt(double latitude, double longitude) {
  public GeoPt {
    if (!(latitude >= -90 && latitude <= 90)) {
      throw new BadRequestException("geo point latitude " + latitude + " is outside [-90, 90]");
    }
    if (!(longitude >= -180 && longitude <= 180)) {
      throw new BadRequestException("geo point longitude " + longitude + " is outside [-180, 180]");
    }
  }

  public static GeoPt of(double latitude, double longitude) {
    return new GeoPt(latitude, longitude);
  }

  @Override
  public String toString() {
    return latitude + "," + longitude;
  }
}
