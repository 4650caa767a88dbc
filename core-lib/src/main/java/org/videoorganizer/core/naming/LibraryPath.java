package org.videoorganizer.core.naming;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file's place below the library root: folders, then a base name and an extension. Every
 * component is already filesystem-safe. Sidecars of a video share its folders and base name.
 *
 * @param folders folder components from the library root down ({@code Movies}, {@code Title (2001)})
 * @param baseName the file name without extension
 * @param extension the extension without dot, lower case
 */
public record LibraryPath(List<String> folders, String baseName, String extension) {

  public LibraryPath {
    folders = List.copyOf(folders);
    for (String c : folders) {
      checkComponent(c);
    }
    checkComponent(baseName + "." + extension);
  }

  /** The file name: base name, dot, extension. */
  public String fileName() {
    return baseName + "." + extension;
  }

  /** The path relative to the library root with {@code /} separators. */
  public String relative() {
    var parts = new ArrayList<>(folders);
    parts.add(fileName());
    return String.join("/", parts);
  }

  /** This path below the given library root. */
  public Path resolveIn(Path libraryRoot) {
    Path p = libraryRoot;
    for (String f : folders) {
      p = p.resolve(f);
    }
    return p.resolve(fileName());
  }

  @Override
  public String toString() {
    return relative();
  }

  private static void checkComponent(String c) {
    if (c.isEmpty() || c.startsWith(".") || c.contains("/") || c.contains("\0")
        || SafeName.bytes(c) > SafeName.MAX_COMPONENT_BYTES) {
      throw new IllegalArgumentException(
          "a library path component must be 1 to 255 UTF-8 bytes, not start with a dot and hold no"
              + " slash or NUL; got '" + c + "'");
    }
  }
}
