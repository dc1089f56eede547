package dev.megalite.server;

import com.google.cloud.datastore.Datastore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** One server for all tests of a class, and a fresh official Java client for each test. */
abstract class SharedServerTest {
  @TempDir static Path dir;
  static ServerFixture fixture;
  Datastore ds;

  @BeforeAll
  static void start() {
    fixture = new ServerFixture(dir);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @BeforeEach
  void newClient() {
    ds = fixture.client();
  }
}
