package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Removes the source folders a move emptied: the folders of moved files and their parents, up to
 * but never including the source root, each only when nothing at all is left in it (a hidden
 * file, a file that stayed, a trash folder keeps it). A removal is {@code rmdir}: it cannot take
 * a file with it. Undo recreates the folders it puts files back into.
 */
public final class EmptiedFolders {

  private EmptiedFolders() {}

  /**
   * @param root the source root, never removed
   * @param movedFrom paths of files that left the source
   * @return the folders removed, deepest first
   */
  public static List<Path> remove(Path root, Collection<Path> movedFrom) {
    var candidates = new TreeSet<Path>(Comparator.comparingInt(Path::getNameCount).reversed()
        .thenComparing(Comparator.naturalOrder()));
    for (Path file : movedFrom) {
      for (Path d = file.getParent(); d != null && d.startsWith(root) && !d.equals(root); d = d.getParent()) {
        candidates.add(d);
      }
    }
    var removed = new ArrayList<Path>();
    for (Path dir : candidates) { // deepest first, so a parent is tried after its children
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try {
        Files.delete(dir);
        removed.add(dir);
      } catch (DirectoryNotEmptyException | NoSuchFileException keep) {
        // something is left in it, or it is gone already
      } catch (IOException e) {
        // not ours to remove (permissions): it stays, as any folder may
      }
    }
    return removed;
  }
}
