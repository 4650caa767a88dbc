package org.videoorganizer.daemon.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.videoorganizer.daemon.store.Change;
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

  private static Change.Matched matchWrite(Step step) {
    return step.changes().stream().filter(c -> c instanceof Change.Matched).map(c -> (Change.Matched) c).findFirst()
        .orElseThrow();
  }

  @Test
  void theMatchersConfidenceAndEvidenceAreStoredWithTheMatch() {
    var named = new Identification.Named(ROBOCOP, "TMDB match", OptionalDouble.of(0.87),
        List.of("parsed as film: 'RoboCop' year 1987", "search movie 'RoboCop' 1987: 1 result"));
    Change.Matched m = matchWrite(run(named, List.of()));
    assertThat(m.confidence()).isEqualTo(0.87);
    assertThat(m.explanation())
        .containsExactly("parsed as film: 'RoboCop' year 1987", "search movie 'RoboCop' 1987: 1 result");
    assertThat(m.reason()).isEqualTo("TMDB match");
    assertThat(m.identity()).isEqualTo(ROBOCOP);
  }

  @Test
  void aNameWithoutATmdbMatchIsStoredWithoutAConfidence() {
    Change.Matched m = matchWrite(run(new Identification.Named(ROBOCOP, "named from the file name"), List.of()));
    assertThat(m.confidence()).isNull();
    assertThat(m.explanation()).isEmpty();
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
    assertThat(step.changes())
        .containsExactly(new Change.StateChanged(7, VideoState.REJECTED, "a sample, not the video itself"));
  }

  @Test
  void aTmdbFailureFailsTheStepSoTheJobIsRetried() {
    assertThatThrownBy(() -> run(new Identification.Failed("left in place, TMDB failed: 503"), List.of()))
        .isInstanceOf(IllegalStateException.class).hasMessage("left in place, TMDB failed: 503");
  }
}
