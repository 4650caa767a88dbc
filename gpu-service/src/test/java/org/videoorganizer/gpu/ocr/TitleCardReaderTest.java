package org.videoorganizer.gpu.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.gpu.extract.KeyFrame;
import org.videoorganizer.gpu.extract.VideoExtractor;
import org.videoorganizer.gpu.testsupport.TestVideos;

class TitleCardReaderTest {

  @TempDir
  static Path dir;
  static TitleCardReader reader;

  @BeforeAll
  static void start() {
    reader = new TitleCardReader(dir.resolve("tessdata"));
  }

  @AfterAll
  static void stop() {
    reader.close();
  }

  @Test
  void readsTheTitleCardOfAnEncodedVideo() throws Exception {
    Path file = TestVideos.video().size(640, 360).seconds(6).title(0, "THE GREAT TEST MOVIE", "Season 1 Episode 3")
        .picture(3, 5).writeTo(dir.resolve("card.mp4"));
    KeyFrame card = VideoExtractor.keyFrames(file, VideoExtractor.probe(file), 4).get(0);

    List<OcrLine> lines = reader.read(card.image(), card.at());

    assertThat(lines).extracting(OcrLine::text).containsExactly("THE GREAT TEST MOVIE", "Season 1 Episode 3");
    assertThat(lines).allSatisfy(l -> assertThat(l.confidence()).isGreaterThanOrEqualTo(TitleCardReader.MIN_CONFIDENCE));
  }

  @Test
  void aPictureWithoutTextGivesNoLines() throws Exception {
    Path file = TestVideos.video().seconds(2).picture(0, 9).writeTo(dir.resolve("shapes.mp4"));
    KeyFrame picture = VideoExtractor.keyFrames(file, VideoExtractor.probe(file), 1).get(0);

    assertThat(reader.read(picture.image(), picture.at())).isEmpty();
  }

  @Test
  void aBlankFrameGivesNoLines() {
    assertThat(reader.read(new BufferedImage(320, 180, BufferedImage.TYPE_3BYTE_BGR), Duration.ZERO)).isEmpty();
  }
}
