package org.videoorganizer.daemon.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The files next to a video that belong to it: same base name, a sidecar extension. */
final class Sidecars {

  private static final Set<String> EXTENSIONS = Set.of("srt", "ass", "ssa", "sub", "idx", "vtt", "sup", "smi",
      "nfo", "jpg", "jpeg", "png");

  private Sidecars() {}

  static List<Path> of(Path video) {
    String name = video.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot < 0 ? name : name.substring(0, dot);
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(video.getParent(),
        p -> p.getFileName().toString().startsWith(stem + "."))) { // not a glob: names hold [ ] { } * ?
      for (Path p : siblings) {
        String n = p.getFileName().toString();
        String ext = n.substring(n.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!p.equals(video) && EXTENSIONS.contains(ext) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          out.add(p);
        }
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      return List.of();
    }
    out.sort(null);
    return out;
  }
}
