package org.videoorganizer.core.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.videoorganizer.core.parse.ExtraType;
import org.videoorganizer.core.parse.SubtitleFacts;

class JellyfinNamingTest {

  private final JellyfinNaming naming = JellyfinNaming.defaults();

  static Stream<Arguments> videos() {
    var matrix = MediaIdentity.movie("The Matrix", 1999).withIds(603L, "tt0133093", null);
    var bb = MediaIdentity.episode("Breaking Bad", 2008, 1, List.of(1)).withIds(1396L, null, 81189L);
    return Stream.of(
        row(matrix, "Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603].mkv"),
        row(matrix.withIds(null, "tt0133093", null),
            "Movies/The Matrix (1999) [imdbid-tt0133093]/The Matrix (1999) [imdbid-tt0133093].mkv"),
        row(MediaIdentity.movie("Heat", null), "Movies/Heat/Heat.mkv"),
        row(matrix.withVersionLabel("1080p"),
            "Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603] - 1080p.mkv"),
        row(matrix.withEdition("Director's Cut"),
            "Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603] - Director's Cut.mkv"),
        row(matrix.withEdition("Extended").withVersionLabel("2160p"),
            "Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603] - Extended 2160p.mkv"),
        row(matrix.withPart(2),
            "Movies/The Matrix (1999) [tmdbid-603]/The Matrix (1999) [tmdbid-603] - part2.mkv"),
        row(matrix.withExtra(ExtraType.TRAILER, "Official Trailer"),
            "Movies/The Matrix (1999) [tmdbid-603]/trailers/Official Trailer.mkv"),
        row(matrix.withExtra(ExtraType.BEHIND_THE_SCENES, null),
            "Movies/The Matrix (1999) [tmdbid-603]/behind the scenes/Behind the scenes.mkv"),
        row(MediaIdentity.movie("Mission: Impossible", 1996),
            "Movies/Mission - Impossible (1996)/Mission - Impossible (1996).mkv"),
        row(MediaIdentity.movie("Face/Off", 1997), "Movies/Face-Off (1997)/Face-Off (1997).mkv"),
        row(bb.withEpisodeTitle("Pilot"),
            "TV Shows/Breaking Bad (2008) [tmdbid-1396]/Season 01/Breaking Bad S01E01 - Pilot.mkv"),
        row(bb.withIds(null, null, 81189L),
            "TV Shows/Breaking Bad (2008) [tvdbid-81189]/Season 01/Breaking Bad S01E01.mkv"),
        row(MediaIdentity.episode("Show", 2010, 2, List.of(1, 2)).withEpisodeTitle("Two Parter"),
            "TV Shows/Show (2010)/Season 02/Show S02E01-E02 - Two Parter.mkv"),
        row(MediaIdentity.episode("Show", null, 1, List.of(3, 1, 2)),
            "TV Shows/Show/Season 01/Show S01E01-E03.mkv"),
        row(MediaIdentity.episode("Breaking Bad", 2008, 0, List.of(1)).withEpisodeTitle("Chicks n Guns"),
            "TV Shows/Breaking Bad (2008)/Season 00/Breaking Bad S00E01 - Chicks n Guns.mkv"),
        row(MediaIdentity.episode("Show", null, 1, List.of(5)).withPart(1),
            "TV Shows/Show/Season 01/Show S01E05 - part1.mkv"),
        row(new MediaIdentity(MediaIdentity.Kind.EPISODE, "The Daily Show", null, null, null, null,
                null, List.of(), "Guest", LocalDate.of(2023, 7, 14), null, null, null, null, null),
            "TV Shows/The Daily Show/Season 2023/The Daily Show 2023-07-14 - Guest.mkv"),
        row(MediaIdentity.episode("Show", null, 3, List.of(4)).withExtra(ExtraType.FEATURETTE, "Making of"),
            "TV Shows/Show/Season 03/featurettes/Making of.mkv"),
        row(MediaIdentity.other("Birthday Party", 2019), "Other/2019/Birthday Party.mkv"),
        row(MediaIdentity.other("clip", null), "Other/clip.mkv"),
        row(MediaIdentity.other("Birthday party", null).withAirDate(LocalDate.of(2019, 5, 4)),
            "Other/2019/Birthday party 2019-05-04.mkv"),
        row(MediaIdentity.other("VID_20230101_123456", null).withAirDate(LocalDate.of(2023, 1, 1)),
            "Other/2023/VID_20230101_123456.mkv"),
        row(MediaIdentity.movie("Heat", 1995).withIds(949L, null, null), "Movies/Heat (1995) [tmdbid-949]/Heat (1995) [tmdbid-949].mkv"));
  }

  private static Arguments row(MediaIdentity id, String expected) {
    return Arguments.of(id, expected);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("videos")
  void namesEachKindOfVideoTheWayJellyfinReadsIt(MediaIdentity id, String expected) {
    assertThat(naming.video(id, "mkv").relative()).isEqualTo(expected);
  }

  @Test
  void leavesIdTagsOutWhenConfiguredSo() {
    var noTags = JellyfinNaming.builder().idTags(false).build();
    var id = MediaIdentity.movie("The Matrix", 1999).withIds(603L, null, null);
    assertThat(noTags.video(id, ".MKV").relative()).isEqualTo("Movies/The Matrix (1999)/The Matrix (1999).mkv");
  }

  @Test
  void ignoresAnImdbIdThatIsNotWellFormed() {
    var id = MediaIdentity.movie("X", 2000).withIds(null, "tt12", null);
    assertThat(naming.video(id, "mkv").relative()).isEqualTo("Movies/X (2000)/X (2000).mkv");
  }

  @Test
  void usesConfiguredTopFolders() {
    var custom = JellyfinNaming.builder().topFolders("Films", "Shows", "Home").build();
    assertThat(custom.video(MediaIdentity.movie("A", 2001), "mp4").relative()).isEqualTo("Films/A (2001)/A (2001).mp4");
  }

  static Stream<Arguments> sidecars() {
    return Stream.of(
        Arguments.of(new SubtitleFacts("en", false, false, false), "srt", "Heat (1995).en.srt"),
        Arguments.of(new SubtitleFacts("en", true, false, false), "srt", "Heat (1995).en.forced.srt"),
        Arguments.of(new SubtitleFacts("eng", false, true, false), "ass", "Heat (1995).eng.sdh.ass"),
        Arguments.of(new SubtitleFacts("de", false, false, true), "srt", "Heat (1995).de.default.srt"),
        Arguments.of(new SubtitleFacts(null, false, false, false), "srt", "Heat (1995).srt"),
        Arguments.of(new SubtitleFacts("../x", false, false, false), "srt", "Heat (1995).x.srt"),
        Arguments.of(null, "SRT", "Heat (1995).srt"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("sidecars")
  void namesSubtitlesAfterTheirVideo(SubtitleFacts facts, String ext, String expected) {
    LibraryPath video = naming.video(MediaIdentity.movie("Heat", 1995), "mkv");
    LibraryPath sub = naming.subtitle(video, facts, ext);
    assertThat(sub.fileName()).isEqualTo(expected);
    assertThat(sub.folders()).isEqualTo(video.folders());
  }

  @Test
  void namesNfoAndArtworkNextToTheVideo() {
    LibraryPath movie = naming.video(MediaIdentity.movie("Heat", 1995), "mkv");
    LibraryPath ep = naming.video(MediaIdentity.episode("Show", null, 1, List.of(1)), "mkv");
    assertThat(naming.nfo(movie).relative()).isEqualTo("Movies/Heat (1995)/Heat (1995).nfo");
    assertThat(naming.artwork(movie, "Poster", "JPG").relative()).isEqualTo("Movies/Heat (1995)/poster.jpg");
    assertThat(naming.artwork(ep, "thumb", "jpg").relative()).isEqualTo("TV Shows/Show/Season 01/Show S01E01-thumb.jpg");
    var show = MediaIdentity.episode("Show", 2001, 2, List.of(1)).withIds(5L, null, null);
    assertThat(naming.tvshowNfo(show).relative()).isEqualTo("TV Shows/Show (2001) [tmdbid-5]/tvshow.nfo");
    assertThat(naming.seasonNfo(show).relative()).isEqualTo("TV Shows/Show (2001) [tmdbid-5]/Season 02/season.nfo");
  }

  @Test
  void refusesAnExtensionThatIsNotLettersAndDigits() {
    assertThatThrownBy(() -> naming.video(MediaIdentity.movie("A", null), ""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extension").hasMessageContaining("''");
  }

  @Test
  void refusesAnEpisodeWithoutNumbersOrDate() {
    assertThatThrownBy(() -> MediaIdentity.episode("Show", null, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("episode numbers or an air date");
  }

  @Test
  void refusesAnOtherVideoWithoutTitle() {
    assertThatThrownBy(() -> naming.video(MediaIdentity.other(null, null), "mkv"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a title");
  }
}
