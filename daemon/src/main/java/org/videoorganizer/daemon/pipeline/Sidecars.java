package org.videoorganizer.daemon.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.videoorganizer.daemon.source.FileKinds;

/**
 * Phase 1 of #12: a thin holdover for {@code FingerprintStage}, on the shared tables
 * ({@link FileKinds}); phase 2 stores the whole {@code source.SourceGroup} of
 * {@code SourceScanner.groupOf} instead and deletes this class.
 *
 * <p>The files next to a video that belong to it: same base name, a sidecar extension; and, as in
 * Kodi and {@code vorg organize}, a lone {@code movie.nfo} when the video is the only one in its
 * folder (samples aside) and no NFO is named like the video.
 */
final class Sidecars {

  /** Kodi's NFO for the one film of a folder. */
  static final String FOLDER_NFO = "movie.nfo";

  // A sample next to the main video does not make the folder one of several videos (as in vorg organize).
  // Must match: "sample.mkv", "Movie-sample.mkv", "Movie.SAMPLE.mkv"; must not match: "Samples of Life.mkv".
  private static final Pattern SAMPLE = Pattern.compile("(?i)(^|[._ -])sample([._ -]|$)");

  private Sidecars() {}

  static List<Path> of(Path video) {
    String stem = stem(video.getFileName().toString());
    List<Path> named = new ArrayList<>();
    List<Path> folderNfos = new ArrayList<>();
    List<String> mainVideos = new ArrayList<>();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(video.getParent())) {
      for (Path p : siblings) {
        String n = p.getFileName().toString();
        if (p.equals(video) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        if (n.startsWith(stem + ".") && FileKinds.isSidecar(n)) { // not a glob: names hold [ ] { } * ?
          named.add(p);
        } else if (n.equalsIgnoreCase(FOLDER_NFO)) {
          folderNfos.add(p);
        } else if (FileKinds.isFinishedVideo(n) && !SAMPLE.matcher(stem(n)).find()) {
          mainVideos.add(n);
        }
      }
    } catch (IOException | java.nio.file.DirectoryIteratorException e) {
      return List.of();
    }
    boolean namedNfo = named.stream().anyMatch(p -> extension(p.getFileName().toString()).equals("nfo"));
    boolean alone = mainVideos.isEmpty() && !SAMPLE.matcher(stem).find();
    if (alone && !namedNfo && folderNfos.size() == 1) {
      named.add(folderNfos.getFirst());
    }
    named.sort(null);
    return named;
  }

  private static String stem(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static String extension(String name) {
    return FileKinds.extension(name);
  }
}
