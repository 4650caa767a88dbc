package org.videoorganizer.daemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.videoorganizer.daemon.ingest.VideoBytes.box;
import static org.videoorganizer.daemon.ingest.VideoBytes.concat;
import static org.videoorganizer.daemon.ingest.VideoBytes.cut;
import static org.videoorganizer.daemon.ingest.VideoBytes.ftyp;
import static org.videoorganizer.daemon.ingest.VideoBytes.largeBox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContainerCheckTest {

  @TempDir Path dir;

  /** name, bytes, expected: "ok", "unknown", or the expected text of the damage reason. */
  static Stream<Arguments> files() {
    byte[] mp4 = VideoBytes.mp4();
    byte[] mkv = VideoBytes.mkv("matroska", 500);
    byte[] webm = VideoBytes.mkv("webm", 40);
    byte[] avi = VideoBytes.avi(300);
    byte[] unknownSizeSegment = concat(cut(mkv, 500 + 8), new byte[] {(byte) 0xFF}, new byte[10]);
    byte[] random = new byte[4096];
    new Random(7).nextBytes(random);
    random[4] = 'x';
    return Stream.of(
        Arguments.of("whole.mp4", mp4, "ok"),
        Arguments.of("whole.mov (moov after mdat)", concat(box("mdat", new byte[50]), box("moov", new byte[20])), "ok"),
        Arguments.of("last box runs to the end (size 0)",
            concat(ftyp(), box("moov", new byte[8]), new byte[] {0, 0, 0, 0, 'm', 'd', 'a', 't', 1, 2, 3}), "ok"),
        Arguments.of("64-bit largesize that fits", concat(ftyp(), box("moov", new byte[8]), largeBox("mdat", 16 + 5, new byte[5])), "ok"),
        Arguments.of("cut mp4", cut(mp4, 10), "truncated: box 'mdat' needs 1008 bytes, the file ends after 998"),
        Arguments.of("mp4 cut inside a box header", cut(mp4, 1005), "truncated: a box header at offset"),
        Arguments.of("mdat but no moov", concat(ftyp(), box("mdat", new byte[300])), "no 'moov' index: the download is incomplete"),
        Arguments.of("size claiming 2^40 bytes", concat(ftyp(), box("moov", new byte[8]), largeBox("mdat", 1L << 40, new byte[64])),
            "truncated: box 'mdat' needs 1099511627776 bytes, the file ends after 80"),
        Arguments.of("box smaller than its header", concat(ftyp(), new byte[] {0, 0, 0, 3, 'm', 'o', 'o', 'v'}),
            "box 'moov' at offset 28 claims an impossible size of 3 bytes"),
        Arguments.of("whole.mkv", mkv, "ok"),
        Arguments.of("whole.webm", webm, "ok"),
        Arguments.of("mkv with a Segment of unknown size, cut anywhere", unknownSizeSegment, "ok"),
        Arguments.of("cut mkv", cut(mkv, 1), "truncated: the Segment needs 500 bytes, the file ends after 499"),
        Arguments.of("webm cut inside the EBML header", cut(webm, 40 + 12 + 3), "truncated: the EBML header needs"),
        Arguments.of("mkv with garbage after the EBML header", concat(cut(mkv, 500 + 12), new byte[30]),
            "no Segment after the EBML header"),
        Arguments.of("whole.avi", avi, "ok"),
        Arguments.of("cut avi", cut(avi, 100), "truncated: the AVI (RIFF) needs 320 bytes, the file ends after 220"),
        Arguments.of("random bytes", random, "unknown"),
        Arguments.of("a text file", "hello, this is not a video at all\n".getBytes(), "unknown"),
        Arguments.of("3 bytes", new byte[] {0x1A, 0x45, (byte) 0xDF}, "unknown"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void readsTheStructure(String name, byte[] bytes, String expected) throws Exception {
    Path file = dir.resolve("video");
    Files.write(file, bytes);
    ContainerCheck.Result r = ContainerCheck.check(file);
    switch (expected) {
      case "ok" -> assertThat(r).isEqualTo(new ContainerCheck.Ok());
      case "unknown" -> assertThat(r).isEqualTo(new ContainerCheck.Unknown());
      default -> {
        assertThat(r).isInstanceOf(ContainerCheck.Damaged.class);
        assertThat(((ContainerCheck.Damaged) r).reason()).startsWith(expected);
      }
    }
  }

  @Test
  void checksOnlyVideoContainerExtensions() {
    assertThat(Stream.of("a.mp4", "b.M4V", "c.mov", "d.mkv", "e.WebM", "f.avi").map(Path::of))
        .allMatch(ContainerCheck::isVideoContainer);
    assertThat(Stream.of("a.srt", "b.ts", "c.mp4.part", "mkv", "notes.txt").map(Path::of))
        .noneMatch(ContainerCheck::isVideoContainer);
  }
}
