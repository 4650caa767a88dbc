package org.videoorganizer.daemon.pipeline;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.videoorganizer.core.naming.JellyfinNaming;
import org.videoorganizer.core.naming.LibraryPath;
import org.videoorganizer.core.parse.SubtitleFacts;
import org.videoorganizer.daemon.organize.PlannedFile;

/**
 * Library paths for the sidecars grouped with a video at fingerprinting: subtitles keep their
 * language and flags ({@code Name.en.forced.srt}), the NFO (also a lone {@code movie.nfo}) follows
 * the video's name. Artwork
 * stays in the source for now (its kind cannot be told from the name alone).
 */
final class SidecarTargets {

  private static final Set<String> SUBTITLES = Set.of("srt", "ass", "ssa", "sub", "idx", "vtt", "sup", "smi");
  private static final Set<String> FLAGS = Set.of("forced", "sdh", "cc", "hi", "default");

  private SidecarTargets() {}

  static List<PlannedFile> plan(Path video, List<String> sidecars, LibraryPath target, JellyfinNaming naming, Path library) {
    String name = video.getFileName().toString();
    String stem = name.substring(0, Math.max(0, name.lastIndexOf('.')));
    List<PlannedFile> out = new ArrayList<>();
    for (String sidecar : sidecars) {
      Path source = video.resolveSibling(sidecar);
      if (sidecar.equalsIgnoreCase(Sidecars.FOLDER_NFO) && Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        out.add(new PlannedFile(source, naming.nfo(target).resolveIn(library), PlannedFile.Role.NFO, null));
        continue;
      }
      if (!sidecar.startsWith(stem + ".") || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      String[] parts = sidecar.substring(stem.length() + 1).split("\\.");
      String ext = parts[parts.length - 1].toLowerCase(Locale.ROOT);
      if (ext.equals("nfo")) {
        out.add(new PlannedFile(source, naming.nfo(target).resolveIn(library), PlannedFile.Role.NFO, null));
      } else if (SUBTITLES.contains(ext)) {
        LibraryPath sub = naming.subtitle(target, facts(parts), ext);
        out.add(new PlannedFile(source, sub.resolveIn(library), PlannedFile.Role.SUBTITLE, null));
      }
    }
    return out;
  }

  private static SubtitleFacts facts(String[] parts) {
    String language = null;
    boolean forced = false;
    boolean sdh = false;
    boolean isDefault = false;
    for (int i = 0; i < parts.length - 1; i++) {
      String p = parts[i].toLowerCase(Locale.ROOT);
      switch (p) {
        case "forced" -> forced = true;
        case "sdh", "cc", "hi" -> sdh = true;
        case "default" -> isDefault = true;
        default -> {
          if (language == null && !FLAGS.contains(p) && p.matches("[a-z]{2,3}(-[a-z]{2})?")) {
            language = p;
          }
        }
      }
    }
    return new SubtitleFacts(language, forced, sdh, isDefault);
  }
}
