package org.videoorganizer.daemon.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.videoorganizer.config.VorgConfig.AnalysisConfig;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.daemon.identify.Identification;
import org.videoorganizer.gpu.cost.InMemoryCostLedger;

/** Which videos the daemon looks inside, and what the status says of the budgets. */
class VideoAnalysisTest {

  private static final Vertx VERTX = Vertx.vertx();
  private static final Path FILM = Path.of("/in/Heat.mkv");

  private static VideoAnalysis analysis(boolean all) {
    return VideoAnalysis.create(new AnalysisConfig(true, all, Optional.empty(), 1, 20, 0.05), VERTX,
        new InMemoryCostLedger(), Clock.systemUTC()).orElseThrow();
  }

  @AfterAll
  static void close() {
    VERTX.close().await();
  }

  @ParameterizedTest
  @ValueSource(strings = {"VID_0001.mp4", "VID_20190714_123456.mp4", "PXL_20230101_123456789.mp4", "GOPR0001.MP4",
      "DSC01234.mov", "MVI_1234.avi", "IMG_1234.mov", "movie.mkv", "video (1).mp4", "Untitled.mkv", "20190714_123456.mp4",
      "Screen Recording 2024-01-02 10.11.12.mov"})
  void aGenericNameIsAnalysedEvenWhenTheNameAloneNamedIt(String name) {
    var byName = new Identification.Named(MediaIdentity.movie(name, null), "named from the file name");
    assertThat(analysis(false).reason(byName, Path.of("/in", name))).contains("the file name is generic");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Heat.mkv", "1917.mkv", "The Movie Critic.mkv", "Videodrome.mkv", "RoboCop.1987.1080p.mkv"})
  void aNameThatSaysSomethingIsNotGeneric(String name) {
    var byName = new Identification.Named(MediaIdentity.movie(name, null), "named from the file name");
    assertThat(analysis(false).reason(byName, Path.of("/in", name))).isEmpty();
  }

  @Test
  void reviewsAndOtherCandidatesAreAnalysedAndAConfidentMatchOnlyWhenAllVideosAre() {
    var confident = new Identification.Named(MediaIdentity.movie("Heat", 1995), "TMDB match", OptionalDouble.of(0.95),
        List.of());
    var other = new Identification.Named(MediaIdentity.other("Grandpa at the lake", null), "filed under Other");
    assertThat(analysis(false).reason(new Identification.Review("TMDB is not sure"), FILM)).contains(
        "the name match needs review");
    assertThat(analysis(false).reason(other, Path.of("/in/Grandpa at the lake.mp4"))).contains(
        "the name alone files it under Other");
    assertThat(analysis(false).reason(confident, Path.of("/in/VID_0001.mp4"))).as("a confident match wins").isEmpty();
    assertThat(analysis(true).reason(confident, FILM)).contains("analysis.videos is all");
    assertThat(analysis(true).reason(new Identification.Skip("a sample"), FILM)).isEmpty();
  }

  @Test
  void theStatusNamesTheBudgetThatStoppedRemoteAnalysis() {
    VideoAnalysis local = analysis(false);
    assertThat(local.status(new JsonObject().put("today_usd", 5.0)).getJsonObject("budget").getString("state"))
        .isEqualTo("local analysis only (analysis.remote is none)");
    assertThat(local.status(new JsonObject().put("today_usd", 1.0).put("month_usd", 3.0)).getJsonObject("budget")
        .getBoolean("reached")).isTrue();
    assertThat(local.status(new JsonObject().put("today_usd", 0.5).put("month_usd", 20.0)).getJsonObject("budget")
        .getString("state")).isEqualTo("local analysis only (analysis.remote is none)");
    assertThat(local.status(new JsonObject().put("today_usd", 0.5).put("month_usd", 3.0)).getJsonObject("budget")
        .getBoolean("reached")).isFalse();
  }
}
