package org.videoorganizer.daemon.identify;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.daemon.source.SourceGroup;
import static org.assertj.core.api.Assertions.assertThat;

class NameIdentifierTest {

  private static final FilenameParser PARSER = new FilenameParser();
  private final NameIdentifier identifier = new NameIdentifier(p -> PARSER.parse(p.toString()));

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      The.Matrix.1999.1080p/sample-the.matrix.1999.mkv | Skip
      The.Matrix.1999.1080p/The.Matrix.1999.1080p.SAMPLE.mkv | Skip
      Heat.1995-sample.mkv | Skip
      Samples of Life (2010).mkv | Named
      Free Sample (2012).mkv | Named
      The.Matrix.1999.1080p/The.Matrix.1999.1080p.mkv | Named
      """)
  void samplesAreSkippedByTheirNameWhereverTheWordStands(String relative, String expected) {
    Path root = Path.of("/in");
    var group = new SourceGroup(root, root.resolve(relative), List.of());
    assertThat(identifier.identify(group).getClass().getSimpleName()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Home videos/2019-07-14 Beach day.mp4 | OTHER
      2019.07.14.Beach.Day.mp4 | OTHER
      Home videos/VID_20190714_153012.mp4 | OTHER
      The.Daily.Show.2019.07.14.720p.WEB.x264-GRP.mkv | EPISODE
      The Daily Show/The.Daily.Show.2019.07.14.720p.WEB.x264-GRP.mkv | EPISODE
      """)
  void aNameStartingWithItsDateIsAHomeVideoAndAShowBeforeTheDateADailyShow(String relative, String kind) {
    Path root = Path.of("/in");
    var named = (Identification.Named) identifier.identify(new SourceGroup(root, root.resolve(relative), List.of()));
    assertThat(named.identity().kind().name()).as(relative).isEqualTo(kind);
    assertThat(named.identity().airDate()).as(relative).isEqualTo(java.time.LocalDate.of(2019, 7, 14));
  }
}
