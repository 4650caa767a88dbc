package org.videoorganizer.daemon.review;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.parse.MediaType;
import org.videoorganizer.core.parse.ParsedName;

/**
 * What makes another file "the same" for a correction: its release folder (the folder holding
 * it, within its source; none for a file at the source's top), its show name (for an episode by
 * its name: lower case, accents and punctuation dropped) and its episode numbers.
 */
final class CorrectionKeys {

  private static final FilenameParser PARSER = new FilenameParser();

  private CorrectionKeys() {}

  /** The folder of {@code relPath} within its source, or null at the top. */
  static String folder(String relPath) {
    int slash = relPath.lastIndexOf('/');
    return slash <= 0 ? null : relPath.substring(0, slash);
  }

  static ParsedName parsed(String relPath) {
    return PARSER.parse(relPath);
  }

  /** The show name of an episode, normalized; null when the name does not read as an episode. */
  static String showKey(ParsedName p) {
    if (p.type() != MediaType.EPISODE || p.title() == null || p.title().isBlank()) {
      return null;
    }
    String plain = Normalizer.normalize(p.title(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String key = plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    return key.isEmpty() ? null : key;
  }

  /** The show's identity with this file's season and episodes, or empty when its name gives no episode. */
  static Optional<MediaIdentity> episodeOf(MediaIdentity show, ParsedName p) {
    List<Integer> episodes = p.episodes();
    if (episodes == null || episodes.isEmpty()) {
      return Optional.empty();
    }
    int season = p.season() == null ? 1 : p.season();
    return Optional.of(MediaIdentity.episode(show.title(), show.year(), season, episodes)
        .withIds(show.tmdbId(), show.imdbId(), show.tvdbId()));
  }
}
