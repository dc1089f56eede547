package dev.megalite.api.model;

import dev.megalite.testing.MegaliteTest;
import org.junit.jupiter.api.Nested;

/** The model layer's behaviour suites on the engine's in-memory store. */
@MegaliteTest
class ModelInMemoryTest {
  @Nested
  class Crud extends ModelCrudTests {}

  @Nested
  class Mapping extends MappingTests {}

  @Nested
  class Validation extends ValidationTests {}

  @Nested
  class LoadErrors extends LoadErrorTests {}

  @Nested
  class Queries extends TypedQueryTests {}

  @Nested
  class Transactions extends ModelTransactionTests {}
}
