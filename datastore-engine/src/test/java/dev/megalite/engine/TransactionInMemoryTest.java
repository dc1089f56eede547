package dev.megalite.engine;

/** The transaction suite on the in-memory store. */
class TransactionInMemoryTest extends TransactionTest {

  @Override
  protected MegaliteDatastore open(MegaliteOptions.Builder options) {
    return Megalite.open(options.inMemory().build());
  }
}
