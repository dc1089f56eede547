package dev.megalite.testing;

import dev.megalite.api.Datastore;
import dev.megalite.api.model.GqlCompiler;
import dev.megalite.api.model.Models;
import dev.megalite.engine.Megalite;
import dev.megalite.engine.MegaliteDatastore;
import dev.megalite.engine.MegaliteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link MegaliteTest}: before each test it opens a fresh store and makes it
 * the model layer's default (with the engine's GQL compiler); after the test it restores the
 * previous default, closes the store and deletes its directory. Resolves {@code Datastore} and
 * {@code MegaliteDatastore} parameters of test and lifecycle methods.
 */
public final class MegaliteExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MegaliteExtension.class);
  private static final String KEY = "store";

  @Override
  public void beforeEach(ExtensionContext context) throws IOException {
    store(context);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestStore s = context.getStore(NAMESPACE).remove(KEY, TestStore.class);
    if (s != null) {
      s.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return parameter.getDeclaringExecutable() instanceof Method
        && (type == Datastore.class || type == MegaliteDatastore.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    try {
      return store(context).datastore;
    } catch (IOException e) {
      throw new ParameterResolutionException("cannot open the test's Megalite store", e);
    }
  }

  /** The test's store, opened on first use (by beforeEach, or a parameter of a BeforeEach method). */
  private static TestStore store(ExtensionContext context) throws IOException {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    TestStore s = store.get(KEY, TestStore.class);
    if (s == null) {
      s = TestStore.open(settings(context));
      store.put(KEY, s);
    }
    return s;
  }

  private static MegaliteTest settings(ExtensionContext context) {
    Optional<MegaliteTest> onMethod =
        context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, MegaliteTest.class));
    if (onMethod.isPresent()) {
      return onMethod.get();
    }
    for (Optional<Class<?>> c = context.getTestClass(); c.isPresent();
        c = Optional.ofNullable(c.get().getEnclosingClass())) {
      Optional<MegaliteTest> a = AnnotationSupport.findAnnotation(c.get(), MegaliteTest.class);
      if (a.isPresent()) {
        return a.get();
      }
    }
    return Defaults.class.getAnnotation(MegaliteTest.class);
  }

  @MegaliteTest
  private static final class Defaults {}

  /** One test's store, and the model default it replaced. */
  private static final class TestStore implements ExtensionContext.Store.CloseableResource {
    final MegaliteDatastore datastore;
    final Path dir;
    final Datastore previous;
    final GqlCompiler previousCompiler;
    private boolean closed;

    private TestStore(MegaliteDatastore datastore, Path dir, Datastore previous,
        GqlCompiler previousCompiler) {
      this.datastore = datastore;
      this.dir = dir;
      this.previous = previous;
      this.previousCompiler = previousCompiler;
    }

    static TestStore open(MegaliteTest settings) throws IOException {
      Path dir = settings.storage() == Storage.ROCKSDB
          ? Files.createTempDirectory("megalite-test-")
          : null;
      MegaliteDatastore ds = Megalite.open(MegaliteOptions.newBuilder()
          .dataDir(dir)
          .projectId(settings.projectId())
          .emptyListSupport(settings.emptyListSupport())
          .build());
      Datastore previous = Models.datastoreOrNull();
      GqlCompiler previousCompiler = Models.gqlCompiler();
      Megalite.makeDefault(ds);
      return new TestStore(ds, dir, previous, previousCompiler);
    }

    @Override
    public synchronized void close() {
      if (closed) {
        return;
      }
      closed = true;
      Models.use(previous, previousCompiler);
      datastore.close();
      if (dir != null) {
        deleteRecursively(dir);
      }
    }

    private static void deleteRecursively(Path dir) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.deleteIfExists(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
