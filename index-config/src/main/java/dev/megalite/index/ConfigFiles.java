package dev.megalite.index;

import dev.megalite.api.error.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes configuration files as strict UTF-8, so that text read and written back is the
 * same bytes; writes replace the file atomically, so a reader never sees half a file.
 */
public final class ConfigFiles {
  private ConfigFiles() {}

  /**
   * The text of {@code file}.
   *
   * @param source how error messages name the file
   * @throws IndexConfigException when the file is not UTF-8, with the line of the first bad byte
   * @throws StorageException when the file cannot be read
   */
  public static String read(Path file, String source) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new StorageException("cannot read " + source + ": " + e.getMessage(), e);
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new IndexConfigException(
          source, line, "", "is not UTF-8 (byte " + in.position() + " is malformed)");
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  /**
   * Replaces {@code file} with {@code text} in UTF-8 through a temporary file in the same
   * directory and an atomic move, creating the directory if needed.
   *
   * @throws StorageException when the file cannot be written
   */
  public static void write(Path file, String text, String source) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
      try {
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new StorageException("cannot write " + source + ": " + e.getMessage(), e);
    }
  }
}
