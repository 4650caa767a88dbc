package org.videoorganizer.daemon.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.videoorganizer.core.parse.SubtitleFacts;
import org.videoorganizer.daemon.source.SourceGroup.Sidecar;

/**
 * Finds the video a sidecar belongs to: the video in the same folder whose name (without
 * extension) starts the sidecar's name, followed by a separator, the longest such name first;
 * else the only video of the folder for {@code movie.nfo}, known artwork names and subtitles;
 * else the only video of the parent of a {@code Subs/} folder.
 */
public final class SidecarMatcher {

  /** The owning video and the sidecar as it travels. */
  record Owner(Path video, Sidecar sidecar) {}

  private SidecarMatcher() {}

  static Optional<Owner> owner(Path file, List<Path> videosHere, List<Path> subsFolderVideos) {
    String name = file.getFileName().toString();
    String stem = FileKinds.stem(file).toLowerCase(Locale.ROOT);
    Path best = null;
    for (Path v : videosHere) {
      String vs = FileKinds.stem(v).toLowerCase(Locale.ROOT);
      boolean prefix = stem.equals(vs) || (stem.startsWith(vs) && ".-_ ".indexOf(stem.charAt(vs.length())) >= 0);
      if (prefix && (best == null || vs.length() > FileKinds.stem(best).length())) {
        best = v;
      }
    }
    if (best != null) {
      Path video = best;
      String remainder = FileKinds.stem(file).substring(FileKinds.stem(video).length());
      return sidecar(file, name, remainder, false).map(s -> new Owner(video, s));
    }
    List<Path> mains = withoutSamples(videosHere);
    if (mains.size() == 1) {
      return sidecar(file, name, FileKinds.stem(file), true).map(s -> new Owner(mains.get(0), s));
    }
    List<Path> parentMains = withoutSamples(subsFolderVideos);
    if (parentMains.size() == 1 && FileKinds.SUBTITLE.contains(FileKinds.extension(name))) {
      return sidecar(file, name, FileKinds.stem(file), true).map(s -> new Owner(parentMains.get(0), s));
    }
    return Optional.empty();
  }

  // A sample next to the main video does not make the folder a folder of several videos.
  // Must match: "sample.mkv", "Movie-sample.mkv", "Movie.SAMPLE.mkv"; must not match: "Samples of Life.mkv".
  private static final Pattern SAMPLE = Pattern.compile("(?i)(^|[._ -])sample([._ -]|$)");

  private static List<Path> withoutSamples(List<Path> videos) {
    return videos.stream().filter(v -> !SAMPLE.matcher(FileKinds.stem(v)).find()).toList();
  }

  // alone: the name does not start with the video's name, so only telling names are accepted.
  private static Optional<Sidecar> sidecar(Path file, String name, String remainder, boolean alone) {
    String ext = FileKinds.extension(name);
    if (ext.equals("nfo")) {
      boolean ok = !alone || remainder.equalsIgnoreCase("movie");
      return ok ? Optional.of(new Sidecar(file, Sidecar.Kind.NFO, null, null)) : Optional.empty();
    }
    if (FileKinds.SUBTITLE.contains(ext)) {
      SubtitleFacts facts = SubtitleFacts.ofRemainder(remainder);
      boolean telling = facts.language() != null || facts.forced() || facts.sdh();
      return !alone || telling ? Optional.of(new Sidecar(file, Sidecar.Kind.SUBTITLE, facts, null)) : Optional.empty();
    }
    String kind = artwork(remainder, alone ? null : "thumb");
    return kind == null ? Optional.empty() : Optional.of(new Sidecar(file, Sidecar.Kind.ARTWORK, null, kind));
  }

  /** The artwork kind in a remainder ({@code -poster} gives poster), or the fallback when none. */
  static String artwork(String remainder, String fallback) {
    String r = remainder.toLowerCase(Locale.ROOT).replaceAll("^[._ \\-]+", "");
    return FileKinds.ARTWORK_KINDS.contains(r) ? r : fallback;
  }
}
