package dev.megalite.engine.kv.rocks;

import dev.megalite.api.error.StorageException;
import java.nio.file.Path;
import java.util.Locale;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;

/** Turns {@link RocksDBException} into {@link StorageException}: nothing native leaks upward. */
final class RocksErrors {
  private RocksErrors() {}

  static StorageException translate(String operation, Path dir, RocksDBException e) {
    String detail = e.getMessage();
    if (operation.equals("open") && isLockError(e)) {
      return new StorageException(
          "RocksDB directory "
              + dir
              + " is locked by another process (or is already open in this one): "
              + detail,
          e);
    }
    return new StorageException("RocksDB " + operation + " failed in " + dir + ": " + detail, e);
  }

  static StorageException closed(String operation, Path dir) {
    return new StorageException("RocksDB " + operation + " failed in " + dir + ": store is closed");
  }

  /** RocksDB reports a held LOCK file as an I/O error on the file named LOCK. */
  private static boolean isLockError(RocksDBException e) {
    Status status = e.getStatus();
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    boolean ioError = status == null || status.getCode() == Status.Code.IOError;
    return ioError && message.contains("lock");
  }
}
