package org.videoorganizer.gpu.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.gpu.testsupport.BundledFfmpeg;
import org.videoorganizer.gpu.testsupport.Damage;
import org.videoorganizer.gpu.testsupport.TestVideos;

class VideoExtractorTest {

  @TempDir
  Path dir;

  @Test
  void probeReadsDurationCodecsSizeAudioLanguagesAndSubtitleTracks() throws Exception {
    Path mp4 = TestVideos.video().seconds(6).title(0, "PROBE").picture(2, 1).writeTo(dir.resolve("a.mp4"));
    Path srt = Files.writeString(dir.resolve("a.srt"), "1\n00:00:01,000 --> 00:00:02,000\nHello\n");
    Path mkv = dir.resolve("a.mkv");
    BundledFfmpeg.run("-i", mp4.toString(), "-i", srt.toString(), "-map", "0", "-map", "1", "-c", "copy",
        "-c:s", "srt", "-metadata:s:a:0", "language=fre", "-metadata:s:s:0", "language=eng",
        "-metadata:s:s:0", "title=English", mkv.toString());

    MediaProbe probe = VideoExtractor.probe(mkv);

    assertThat(probe.format()).contains("matroska");
    assertThat(probe.duration()).isBetween(Duration.ofMillis(5800), Duration.ofMillis(6400));
    assertThat(probe.videoCodec()).isEqualTo("mpeg4");
    assertThat(probe.width()).isEqualTo(320);
    assertThat(probe.height()).isEqualTo(180);
    assertThat(probe.audioLanguages()).containsExactly("fre");
    assertThat(probe.subtitleTracks()).singleElement().satisfies(s -> {
      assertThat(s.codec()).isEqualTo("subrip");
      assertThat(s.language()).isEqualTo("eng");
      assertThat(s.title()).isEqualTo("English");
    });
    assertThat(probe.streams()).extracting(StreamInfo::kind)
        .containsExactly(StreamInfo.Kind.VIDEO, StreamInfo.Kind.AUDIO, StreamInfo.Kind.SUBTITLE);
  }

  @Test
  void aSparseTwoHourVideoIsProbedAtItsFullLength() throws Exception {
    Path film = TestVideos.video().sparse(30).seconds(7200).title(0, "LONG").picture(60, 2)
        .writeTo(dir.resolve("long.mp4"));

    assertThat(VideoExtractor.probe(film).duration()).isBetween(Duration.ofMinutes(119), Duration.ofMinutes(121));
  }

  @Test
  void keyFramesTakeTheOpeningTitleCardAndSkipBlackAndRepeatedPictures() throws Exception {
    Path file = TestVideos.video().seconds(20).keyFrameEvery(1)
        .title(0, "OPENING TITLE").black(2).picture(4, 1).black(8).picture(10, 2).picture(14, 1).picture(16, 3)
        .writeTo(dir.resolve("scenes.mp4"));
    MediaProbe probe = VideoExtractor.probe(file);

    List<KeyFrame> frames = VideoExtractor.keyFrames(file, probe, 10);

    assertThat(frames).hasSize(4); // the title card and three distinct pictures, nothing black, no repeat
    assertThat(frames.get(0).opening()).isTrue();
    assertThat(frames.get(0).at()).isLessThan(Duration.ofSeconds(2));
    assertThat(frames).allSatisfy(f -> assertThat(f.lumaSpread()).isGreaterThan(KeyFrameSampler.UNIFORM_SPREAD));
    for (int i = 0; i < frames.size(); i++) {
      for (int j = i + 1; j < frames.size(); j++) {
        assertThat(FrameStats.distance(frames.get(i).hash(), frames.get(j).hash()))
            .isGreaterThanOrEqualTo(KeyFrameSampler.DUPLICATE_DISTANCE);
      }
    }
    assertThat(frames.get(1).jpeg()).startsWith((byte) 0xff, (byte) 0xd8);
  }

  @Test
  void keyFramesOfALargePictureAreScaledTo768PixelsWide() throws Exception {
    Path file = TestVideos.video().size(1280, 720).seconds(4).fps(2).title(0, "BIG").writeTo(dir.resolve("big.mp4"));

    List<KeyFrame> frames = VideoExtractor.keyFrames(file, VideoExtractor.probe(file), 3);

    assertThat(frames).isNotEmpty().allSatisfy(f -> {
      assertThat(f.image().getWidth()).isEqualTo(768);
      assertThat(f.image().getHeight()).isEqualTo(432);
    });
  }

  @Test
  void audioWindowsAre16kHzMonoAndHoldTheSound() throws Exception {
    Path file = TestVideos.video().seconds(12).picture(0, 4).writeTo(dir.resolve("tone.mp4"));
    MediaProbe probe = VideoExtractor.probe(file);

    List<AudioClip> clips = VideoExtractor.audio(file, probe, 3, Duration.ofSeconds(3));

    assertThat(clips).hasSize(3);
    assertThat(clips).allSatisfy(c -> {
      assertThat(c.seconds()).isBetween(2.9, 3.01);
      assertThat(c.level()).isGreaterThan(0.03); // the 440 Hz tone at about -21 dBFS
    });
    assertThat(clips.get(1).start()).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(7));
    byte[] wav = clips.get(0).wav();
    assertThat(new String(wav, 0, 4)).isEqualTo("RIFF");
    assertThat(wav.length).isEqualTo(44 + clips.get(0).pcm().length);
  }

  @Test
  void aSilentVideoHasNoAudioWindows() throws Exception {
    Path file = TestVideos.video().seconds(3).silent().picture(0, 1).writeTo(dir.resolve("mute.mp4"));

    assertThat(VideoExtractor.audio(file, VideoExtractor.probe(file), 3, Duration.ofSeconds(10))).isEmpty();
  }

  @Test
  void aCleanVideoPassesTheDecodeCheck() throws Exception {
    Path file = TestVideos.video().seconds(10).picture(0, 1).picture(5, 2).writeTo(dir.resolve("clean.mp4"));

    StreamHealth health = VideoExtractor.checkDecoding(file, VideoExtractor.probe(file), 5);

    assertThat(health.damaged()).as("%s", health).isFalse();
    assertThat(health.framesDecoded()).isGreaterThan(50);
  }

  @Test
  void overwrittenStreamBytesAreRejectedWithFfmpegsReason() throws Exception {
    Path file = TestVideos.video().seconds(10).picture(0, 1).picture(5, 2).writeTo(dir.resolve("damaged.mp4"));
    Damage.overwrite(file, 0.2, 0.8);
    MediaProbe probe = VideoExtractor.probe(file); // the container still opens

    StreamHealth health = VideoExtractor.checkDecoding(file, probe, 5);

    assertThat(health.damaged()).isTrue();
    assertThat(health.damage().orElseThrow()).contains("damaged at 00:00:0");
    assertThat(health.errors()).isNotEmpty();
  }

  @Test
  void aFileThatIsNoVideoIsUnreadableWithItsName() throws Exception {
    Path text = Files.writeString(dir.resolve("VID_0002.mp4"), "this is not a video");

    assertThatThrownBy(() -> VideoExtractor.probe(text)).isInstanceOf(UnreadableVideoException.class)
        .hasMessageContaining("VID_0002.mp4");
    assertThatThrownBy(() -> VideoExtractor.probe(dir.resolve("gone.mp4"))).hasMessageContaining("no such file");
  }
}
