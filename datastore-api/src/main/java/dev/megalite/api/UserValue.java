package dev.megalite.api;

import dev.megalite.api.error.BadRequestException;

/** A Google Accounts user, App Engine's {@code User}; orders by email. */
public record UserValue(String email, String authDomain, boolean indexed) implements Value {
  public UserValue {
    if (email == null || email.isEmpty()) {
      throw new BadRequestException("user value needs a non-empty email");
    }
    if (authDomain == null) {
      throw new BadRequestException("user value auth domain is null");
    }
  }

  @Override
  public ValueType type() {
    return ValueType.USER;
  }

  @Override
  public Value withIndexed(boolean indexed) {
    return new UserValue(email, authDomain, indexed);
  }
}
