package org.videoorganizer.daemon.organize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmptiedFoldersTest {

  @TempDir Path root;

  @Test
  void removesOnlyEmptyFoldersBelowTheRootDeepestFirst() throws IOException {
    Path pack = Files.createDirectories(root.resolve("Pack/Subs/Ep1"));
    Path kept = Files.createDirectories(root.resolve("Kept"));
    Files.writeString(kept.resolve(".DS_Store"), "x");
    Path other = Files.createDirectories(root.resolve("Other/Sub"));
    Files.writeString(root.resolve("Other/notes.txt"), "mine");

    List<Path> removed = EmptiedFolders.remove(root, List.of(pack.resolve("2_English.srt"),
        root.resolve("Pack/Ep1.mkv"), kept.resolve("a.mkv"), other.resolve("b.mkv"), root.resolve("top.mkv")));

    assertThat(removed).containsExactly(root.resolve("Pack/Subs/Ep1"), root.resolve("Other/Sub"),
        root.resolve("Pack/Subs"), root.resolve("Pack"));
    assertThat(kept).as("a hidden file keeps its folder").isDirectory();
    assertThat(root.resolve("Other/notes.txt")).hasContent("mine");
    assertThat(root).as("never the root").isDirectory();
  }

  @Test
  void leavesALinkToAFolderAndFoldersOutsideTheRootAlone() throws IOException {
    Path outside = Files.createDirectories(root.resolveSibling(root.getFileName() + "-outside"));
    Path link = Files.createSymbolicLink(root.resolve("link"), outside);
    assertThat(EmptiedFolders.remove(root, List.of(link.resolve("x.mkv"), outside.resolve("y.mkv")))).isEmpty();
    assertThat(link).exists();
    assertThat(outside).isDirectory();
    Files.delete(link);
    Files.delete(outside);
  }
}
