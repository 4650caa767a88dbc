package org.videoorganizer.daemon.pipeline;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.videoorganizer.core.naming.JellyfinNaming;
import org.videoorganizer.core.naming.LibraryPath;
import org.videoorganizer.core.parse.SubtitleFacts;
import org.videoorganizer.daemon.plan.PlannedFile;
import org.videoorganizer.daemon.source.FileKinds;

/**
 * Phase 1 of #12: a thin holdover for {@code OrganizeStage}, on the shared tables and core-lib's
 * {@link SubtitleFacts#ofRemainder}; phase 2 plans through {@code plan.OrganizePlanner} and
 * deletes this class.
 *
 * <p>Library paths for the sidecars grouped with a video at fingerprinting: subtitles keep their
 * language and flags ({@code Name.en.forced.srt}), the NFO (also a lone {@code movie.nfo}) follows
 * the video's name. Artwork
 * stays in the source for now (its kind cannot be told from the name alone).
 */
final class SidecarTargets {


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
      } else if (FileKinds.SUBTITLE.contains(ext)) {
        LibraryPath sub = naming.subtitle(target, facts(parts), ext);
        out.add(new PlannedFile(source, sub.resolveIn(library), PlannedFile.Role.SUBTITLE, null));
      }
    }
    return out;
  }

  private static SubtitleFacts facts(String[] parts) {
    return SubtitleFacts.ofRemainder(String.join(".", java.util.Arrays.copyOf(parts, parts.length - 1)));
  }
}
