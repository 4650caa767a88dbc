package org.videoorganizer.daemon.organize;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.videoorganizer.daemon.organize.SourceGroup.Sidecar;

/**
 * Finds the video a sidecar belongs to: the video in the same folder whose name (without
 * extension) starts the sidecar's name, followed by a separator, the longest such name first;
 * else the only video of the folder for {@code movie.nfo}, known artwork names and subtitles;
 * else the only video of the parent of a {@code Subs/} folder.
 */
final class SidecarMatcher {

  /** The owning video and the sidecar as it travels. */
  record Owner(Path video, Sidecar sidecar) {}

  private SidecarMatcher() {}

  static Optional<Owner> owner(Path file, List<Path> videosHere, List<Path> subsFolderVideos) {
    String name = file.getFileName().toString();
    String stem = NameIdentifier.stem(file).toLowerCase(Locale.ROOT);
    Path best = null;
    for (Path v : videosHere) {
      String vs = NameIdentifier.stem(v).toLowerCase(Locale.ROOT);
      boolean prefix = stem.equals(vs) || (stem.startsWith(vs) && ".-_ ".indexOf(stem.charAt(vs.length())) >= 0);
      if (prefix && (best == null || vs.length() > NameIdentifier.stem(best).length())) {
        best = v;
      }
    }
    if (best != null) {
      Path video = best;
      String remainder = NameIdentifier.stem(file).substring(NameIdentifier.stem(video).length());
      return sidecar(file, name, remainder, false).map(s -> new Owner(video, s));
    }
    if (videosHere.size() == 1) {
      return sidecar(file, name, NameIdentifier.stem(file), true).map(s -> new Owner(videosHere.get(0), s));
    }
    if (subsFolderVideos.size() == 1 && FileKinds.SUBTITLE.contains(FileKinds.extension(name))) {
      return sidecar(file, name, NameIdentifier.stem(file), true).map(s -> new Owner(subsFolderVideos.get(0), s));
    }
    return Optional.empty();
  }

  // alone: the name does not start with the video's name, so only telling names are accepted.
  private static Optional<Sidecar> sidecar(Path file, String name, String remainder, boolean alone) {
    String ext = FileKinds.extension(name);
    if (ext.equals("nfo")) {
      boolean ok = !alone || remainder.equalsIgnoreCase("movie");
      return ok ? Optional.of(new Sidecar(file, Sidecar.Kind.NFO, null, null)) : Optional.empty();
    }
    if (FileKinds.SUBTITLE.contains(ext)) {
      return Optional.of(new Sidecar(file, Sidecar.Kind.SUBTITLE, SidecarNames.subtitle(remainder), null));
    }
    String kind = SidecarNames.artwork(remainder, alone ? null : "thumb");
    return kind == null ? Optional.empty() : Optional.of(new Sidecar(file, Sidecar.Kind.ARTWORK, null, kind));
  }
}
