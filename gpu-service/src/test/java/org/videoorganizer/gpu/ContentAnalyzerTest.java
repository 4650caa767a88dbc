package org.videoorganizer.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.videoorganizer.gpu.extract.UnreadableVideoException;
import org.videoorganizer.gpu.ocr.TitleCardReader;
import org.videoorganizer.gpu.testsupport.Damage;
import org.videoorganizer.gpu.testsupport.TestVideos;

class ContentAnalyzerTest {

  @TempDir
  Path dir;

  @Test
  void ocrEnginesArePooledNotStartedForEveryThread() throws Exception {
    Path file = TestVideos.video().seconds(4).title(0, "POOLED").writeTo(dir.resolve("a.mp4"));
    var made = new AtomicInteger();
    try (var analyzer = ContentAnalyzer.builder().ocr(() -> {
      made.incrementAndGet();
      return new TitleCardReader(dir.resolve("tessdata"));
    }).build()) {
      for (int i = 0; i < 3; i++) {
        Thread t = Thread.ofVirtual().start(() -> {
          try {
            analyzer.analyze(file, AnalysisRequest.local("a"));
          } catch (UnreadableVideoException e) {
            throw new IllegalStateException(e);
          }
        });
        t.join();
      }
    }
    assertThat(made).hasValue(1);
  }

  @Test
  void aDamagedFileIsReportedWithItsReasonAndNotAnalysedFurther() throws Exception {
    Path file = TestVideos.video().seconds(10).picture(0, 1).picture(5, 2).writeTo(dir.resolve("b.mp4"));
    Damage.overwrite(file, 0.2, 0.8);

    try (var analyzer = ContentAnalyzer.builder().ocr(() -> new TitleCardReader(dir.resolve("tessdata"))).build()) {
      AnalysisReport report = analyzer.analyze(file, AnalysisRequest.local("b").withRemote());

      assertThat(report.damage()).hasValueSatisfying(d -> assertThat(d).startsWith("streams damaged at "));
      assertThat(report.keyFrames()).isZero();
      assertThat(report.costs()).isEmpty();
      assertThat(ReportJson.of(report)).contains("\"damaged\":true", "\"damage\":\"streams damaged at ");
    }
  }

  @Test
  void aFileThatIsNoVideoIsUnreadable() throws Exception {
    Path text = Files.writeString(dir.resolve("VID_0003.mp4"), "no video here");

    try (var analyzer = ContentAnalyzer.builder().build()) {
      assertThatThrownBy(() -> analyzer.analyze(text, AnalysisRequest.local("c")))
          .isInstanceOf(UnreadableVideoException.class).hasMessageContaining("VID_0003.mp4");
    }
  }
}
