package org.videoorganizer.daemon.organize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.videoorganizer.core.parse.SubtitleFacts;

class SourceScannerTest {

  @TempDir Path root;

  private Map<String, List<String>> groups(String... files) throws IOException {
    for (String f : files) {
      TestFiles.write(root.resolve(f), 10, f.hashCode());
    }
    var result = new SourceScanner(root.resolve("library")).scan(root);
    var out = new TreeMap<String, List<String>>();
    for (SourceGroup g : result.groups()) {
      out.put(root.relativize(g.video()).toString(),
          g.sidecars().stream().map(s -> root.relativize(s.path()) + ":" + s.kind()).sorted().toList());
    }
    result.skipped().forEach(s -> out.put("skipped " + root.relativize(s.path()), List.of(s.reason())));
    return out;
  }

  @Test
  void groupsSidecarsWithTheVideoWhoseNameTheyStartWith() throws IOException {
    var g = groups("A/Movie.mkv", "A/Movie.en.srt", "A/Movie.nfo", "A/Movie-poster.jpg",
        "A/Movie Extended.mkv", "A/Movie Extended.de.forced.srt");
    assertThat(g).containsEntry("A/Movie.mkv", List.of("A/Movie-poster.jpg:ARTWORK", "A/Movie.en.srt:SUBTITLE", "A/Movie.nfo:NFO"));
    assertThat(g).containsEntry("A/Movie Extended.mkv", List.of("A/Movie Extended.de.forced.srt:SUBTITLE"));
  }

  @Test
  void givesTheOnlyMainVideoOfAFolderItsMovieNfoArtworkAndLanguageNamedSubtitles() throws IOException {
    var g = groups("R/release.mkv", "R/sample.mkv", "R/movie.nfo", "R/poster.jpg", "R/English.srt",
        "R/Subs/2_French.srt", "R/notes.srt", "R/screenshot.jpg");
    assertThat(g.get("R/release.mkv")).containsExactly("R/English.srt:SUBTITLE", "R/Subs/2_French.srt:SUBTITLE",
        "R/movie.nfo:NFO", "R/poster.jpg:ARTWORK");
    assertThat(g).containsEntry("skipped R/notes.srt", List.of("no video it belongs to"));
    assertThat(g).containsEntry("skipped R/screenshot.jpg", List.of("no video it belongs to"));
  }

  @Test
  void leavesOutHiddenFilesSystemFoldersTheLibraryAndPartialDownloads() throws IOException {
    var g = groups(".hidden/a.mkv", ".b.mkv", "@eaDir/c.mkv", "library/Movies/d.mkv", "e.mkv.part",
        "f.crdownload", "g.mkv");
    assertThat(g.keySet()).containsExactlyInAnyOrder("g.mkv", "skipped e.mkv.part", "skipped f.crdownload");
  }

  @Test
  void reportsLinksEmptyVideosAndNamesThatAreNotUtf8() throws IOException {
    Files.createSymbolicLink(root.resolve("link.mkv"), Path.of("/etc/hostname"));
    Files.createFile(root.resolve("empty.mkv"));
    assertThat(TestFiles.sh("bash", "-c", "cd '" + root + "' && echo x > \"$(printf 'bad\\377.mkv')\"")).isTrue();
    var g = groups();
    assertThat(g).containsEntry("skipped link.mkv", List.of("a symbolic link; links are not followed"));
    assertThat(g).containsEntry("skipped empty.mkv", List.of("an empty file"));
    assertThat(g.entrySet().stream().filter(e -> e.getKey().startsWith("skipped bad")).map(Map.Entry::getValue)
        .flatMap(List::stream).collect(Collectors.joining())).contains("not valid UTF-8", "\\ufffd");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", value = {
      ".en,           en,  false, false, false",
      ".eng.forced,   eng, true,  false, false",
      ".English.SDH,  en,  false, true,  false",
      ".default.de,   de,  false, false, true",
      "2_French,      fr,  false, false, false",
      ".cc,           -,   false, true,  false",
      ".Commentary,   -,   false, false, false",
  })
  void readsLanguageAndFlagsFromWhatFollowsTheVideoName(String remainder, String lang, boolean forced, boolean sdh,
      boolean isDefault) {
    assertThat(SidecarNames.subtitle(remainder)).isEqualTo(new SubtitleFacts(lang, forced, sdh, isDefault));
  }
}
