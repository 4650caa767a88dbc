package org.videoorganizer.daemon.source;

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
import org.videoorganizer.daemon.organize.TestFiles;

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
  void givesASeasonPacksSubsReleaseFolderToTheEpisodeOfThatName() throws IOException {
    String e1 = "Show.S01E01.1080p.WEB.h264-GRP";
    String e2 = "Show.S01E02.1080p.WEB.h264-GRP";
    var g = groups("P/" + e1 + ".mkv", "P/" + e2 + ".mkv", "P/Subs/" + e1 + "/2_English.srt",
        "P/Subs/" + e1 + "/3_English.srt", "P/Subs/" + e2 + "/2_English.srt", "P/Subs/" + e2 + "/21_French.srt",
        "P/Subs/Other.Release/2_English.srt");
    assertThat(g.get("P/" + e1 + ".mkv")).containsExactly("P/Subs/" + e1 + "/2_English.srt:SUBTITLE",
        "P/Subs/" + e1 + "/3_English.srt:SUBTITLE");
    assertThat(g.get("P/" + e2 + ".mkv")).containsExactly("P/Subs/" + e2 + "/21_French.srt:SUBTITLE",
        "P/Subs/" + e2 + "/2_English.srt:SUBTITLE");
    assertThat(g).containsEntry("skipped P/Subs/Other.Release/2_English.srt", List.of("no video it belongs to"));
  }

  @Test
  void aMovieReleaseKeepsSubtitlesInSubsReleaseFolderAndTheirLanguage() throws IOException {
    for (String f : List.of("M/Movie.2019.1080p-GRP.mkv", "M/Subs/Movie.2019.1080p-GRP/2_English.srt")) {
      TestFiles.write(root.resolve(f), 10, f.hashCode());
    }
    var group = new SourceScanner(root.resolve("library")).scan(root).groups().getFirst();
    assertThat(group.sidecars()).singleElement().satisfies(s -> {
      assertThat(s.subtitle()).isEqualTo(new SubtitleFacts("en", false, false, false));
      assertThat(s.kind()).isEqualTo(SourceGroup.Sidecar.Kind.SUBTITLE);
    });
  }

  @Test
  void groupsOneVideoFromItsOwnFolderWithoutWalkingTheSource() throws IOException {
    for (String f : List.of("S/Heat (1995)/Heat.mkv", "S/Heat (1995)/Heat.en.srt", "S/Heat (1995)/poster.jpg",
        "S/Heat (1995)/Subs/Heat/2_German.srt", "S/Other/Ronin.mkv")) {
      TestFiles.write(root.resolve(f), 10, f.hashCode());
    }
    Path video = root.resolve("S/Heat (1995)/Heat.mkv");
    SourceGroup g = new SourceScanner(root.resolve("library")).groupOf(root.resolve("S"), video).orElseThrow();
    assertThat(g.relativeVideo()).isEqualTo(Path.of("Heat (1995)/Heat.mkv"));
    assertThat(g.sidecars()).extracting(s -> root.relativize(s.path()).toString()).containsExactlyInAnyOrder(
        "S/Heat (1995)/Heat.en.srt", "S/Heat (1995)/poster.jpg", "S/Heat (1995)/Subs/Heat/2_German.srt");
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
      "2_English,     en,  false, false, false",
      "21_Brazilian Portuguese, pt, false, false, false",
      "-eng,          eng, false, false, false",
      ".cc,           -,   false, true,  false",
      ".Commentary,   -,   false, false, false",
  })
  void readsLanguageAndFlagsFromWhatFollowsTheVideoName(String remainder, String lang, boolean forced, boolean sdh,
      boolean isDefault) {
    assertThat(SubtitleFacts.ofRemainder(remainder)).isEqualTo(new SubtitleFacts(lang, forced, sdh, isDefault));
  }
}
