package org.videoorganizer.daemon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.videoorganizer.core.naming.MediaIdentity;
import org.videoorganizer.daemon.identify.Identification;
import org.videoorganizer.daemon.identify.Identifier;
import org.videoorganizer.daemon.source.SourceGroup;
import org.videoorganizer.daemon.queue.JobHandler.Step;
import org.videoorganizer.daemon.store.Job;
import org.videoorganizer.daemon.store.JobStore.Write;
import org.videoorganizer.daemon.store.Video;
import org.videoorganizer.daemon.store.VideoState;

/** What the identify stage writes for each answer of the identifier, without a database. */
class IdentifyStageTest {

  private static final Path ROOT = Path.of("/in");
  private static final MediaIdentity ROBOCOP = MediaIdentity.movie("RoboCop", 1987).withIds(5548L, null, null);

  private final AtomicReference<SourceGroup> asked = new AtomicReference<>();

  private Step run(Identification answer, List<String> sidecars) {
    return run(answer, sidecars, Optional.empty());
  }

  private Step run(Identification answer, List<String> sidecars, Optional<SourceGroup> stored) {
    Identifier identifier = group -> {
      asked.set(group);
      return answer;
    };
    var stage = new IdentifyStage(identifier,
        v -> stored.orElseGet(() -> new SourceGroup(ROOT, ROOT.resolve(v.relPath()), List.of())), Optional.empty());
    var video = new Video(7, "in", "a/RoboCop.1987.mkv", "a/RoboCop.1987.mkv", 10, 0, Optional.of("q"),
        Optional.of("h"), VideoState.FINGERPRINTED, Optional.empty(), sidecars, true);
    return stage.run(video, new Job(1, 7, "identify", 1, 1, "w"), () -> { });
  }

  private static Write matchWrite(Step step) {
    return step.writes().stream().filter(w -> w.sql().startsWith("insert into media_matches")).findFirst().orElseThrow();
  }

  @Test
  void theMatchersConfidenceAndEvidenceAreStoredWithTheMatch() {
    var named = new Identification.Named(ROBOCOP, "TMDB match", OptionalDouble.of(0.87),
        List.of("parsed as film: 'RoboCop' year 1987", "search movie 'RoboCop' 1987: 1 result"));
    Write w = matchWrite(run(named, List.of()));
    assertThat(w.args().getValue(7)).isEqualTo(0.87);
    JsonObject evidence = (JsonObject) w.args().getValue(8);
    assertThat(evidence.getDouble("confidence")).isEqualTo(0.87);
    assertThat(evidence.getJsonArray("explanation").getList())
        .containsExactly("parsed as film: 'RoboCop' year 1987", "search movie 'RoboCop' 1987: 1 result");
    assertThat(evidence.getString("reason")).isEqualTo("TMDB match");
    assertThat(IdentityJson.read(evidence.getJsonObject("identity"))).isEqualTo(ROBOCOP);
  }

  @Test
  void aNameWithoutATmdbMatchIsStoredWithoutAConfidence() {
    Write w = matchWrite(run(new Identification.Named(ROBOCOP, "named from the file name"), List.of()));
    assertThat(w.args().getValue(7)).isNull();
    assertThat(((JsonObject) w.args().getValue(8)).getJsonArray("explanation")).isEmpty();
  }

  @Test
  void theGroupFingerprintingStoredIsGivenToTheIdentifier() {
    Path video = ROOT.resolve("a/RoboCop.1987.mkv");
    var group = new SourceGroup(ROOT, video, List.of(
        new SourceGroup.Sidecar(ROOT.resolve("a/RoboCop.1987.NFO"), SourceGroup.Sidecar.Kind.NFO, null, null),
        new SourceGroup.Sidecar(ROOT.resolve("a/poster.jpg"), SourceGroup.Sidecar.Kind.ARTWORK, null, "poster")));
    run(new Identification.Named(ROBOCOP, "x"), List.of("RoboCop.1987.NFO", "poster.jpg"), Optional.of(group));
    assertThat(asked.get()).isEqualTo(group);
    assertThat(asked.get().nfos()).extracting(SourceGroup.Sidecar::path).containsExactly(ROOT.resolve("a/RoboCop.1987.NFO"));
  }

  @Test
  void aSampleIsRejectedWithItsReason() {
    Step step = run(new Identification.Skip("a sample, not the video itself"), List.of());
    assertThat(step.next()).isEmpty();
    assertThat(step.writes()).singleElement().satisfies(w -> {
      assertThat(w.args().getValue(1)).isEqualTo(VideoState.REJECTED.db());
      assertThat(w.args().getValue(2)).isEqualTo("a sample, not the video itself");
    });
  }

  @Test
  void aTmdbFailureFailsTheStepSoTheJobIsRetried() {
    assertThatThrownBy(() -> run(new Identification.Failed("left in place, TMDB failed: 503"), List.of()))
        .isInstanceOf(IllegalStateException.class).hasMessage("left in place, TMDB failed: 503");
  }
}
