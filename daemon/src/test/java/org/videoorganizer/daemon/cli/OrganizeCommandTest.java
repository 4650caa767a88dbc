package org.videoorganizer.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganizeCommandTest {

  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return VorgCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  private List<JsonNode> jsonLines() throws IOException {
    var rows = new ArrayList<JsonNode>();
    for (String line : out.toString().split("\n")) {
      rows.add(new ObjectMapper().readTree(line));
    }
    return rows;
  }

  private Path source() throws IOException {
    Path src = Files.createDirectories(tmp.resolve("in"));
    Files.write(src.resolve("Heat.1995.1080p.mkv"), new byte[] {1, 2, 3});
    Files.write(src.resolve("Heat.1995.1080p.en.srt"), new byte[] {4});
    return src;
  }

  @Test
  void aDryRunPrintsJsonLinesWithSourceTargetActionAndReasonAndChangesNothing() throws IOException {
    Path src = source();
    assertThat(run("organize", src.toString(), "--library", tmp.resolve("lib").toString(), "--dry-run", "--json")).isZero();
    List<JsonNode> rows = jsonLines();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("target").asText()).endsWith("Movies/Heat (1995)/Heat (1995).mkv");
    assertThat(rows.get(0).get("action").asText()).isEqualTo("move");
    assertThat(rows.get(0).get("reason").asText()).contains("TMDB matching not configured");
    assertThat(rows.get(1).get("role").asText()).isEqualTo("subtitle");
    assertThat(tmp.resolve("lib")).doesNotExist();
    assertThat(src.resolve("Heat.1995.1080p.mkv")).exists();
  }

  @Test
  void aDryRunEndsWithASummaryOfWhatWouldHappen() throws IOException {
    Path src = source();
    Files.write(Files.createDirectories(src.resolve("Heat.1995.1080p")).resolve("sample.mkv"), new byte[] {9});
    assertThat(run("organize", src.toString(), "--library", tmp.resolve("lib").toString(), "--dry-run", "--copy")).isZero();
    assertThat(err.toString().lines()).singleElement().asString().matches("vorg organize: dry run, nothing changed: would copy "
        + "2 files \\(4 B\\) of 1 videos, write 0 NFO files; review 0 files \\(0 videos\\), skip 1, fail 0; 2 units planned in "
        + "\\d+\\.\\d{3} s");
    assertThat(tmp.resolve("lib")).doesNotExist();
  }

  @Test
  void aCopyRunPrintsATableAndASummaryAndUndoTakesItBack() throws IOException {
    Path src = source();
    Path lib = tmp.resolve("lib");
    assertThat(run("organize", src.toString(), "--library", lib.toString(), "--copy")).isZero();
    assertThat(out.toString()).startsWith("ACTION").contains("copied", "Heat.1995.1080p.mkv -> Movies/Heat (1995)/Heat (1995).mkv");
    assertThat(err.toString()).contains("copied 2").contains("journal ");
    assertThat(lib.resolve("Movies/Heat (1995)/Heat (1995).en.srt")).exists();
    String journal = err.toString().replaceAll("(?s).*journal (\\S+\\.jsonl).*", "$1");
    assertThat(err.toString()).as("the undo hint names the journal itself").contains("(undo: vorg undo " + journal + ")");
    out.getBuffer().setLength(0);
    assertThat(run("undo", journal)).isZero();
    assertThat(lib.resolve("Movies/Heat (1995)/Heat (1995).mkv")).doesNotExist();
    assertThat(src.resolve("Heat.1995.1080p.mkv")).exists();
  }

  @Test
  void aSourceThatIsNotAFolderIsAUsageMistake() {
    assertThat(run("organize", tmp.resolve("nope").toString(), "--library", tmp.toString())).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(1).allMatch(l -> l.contains("SOURCE must be an existing folder"));
  }

  @Test
  void aSourceInsideTheLibraryIsAUsageMistake() throws IOException {
    Path lib = Files.createDirectories(tmp.resolve("lib/in"));
    assertThat(run("organize", lib.toString(), "--library", tmp.resolve("lib").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("must not be the library or inside it");
  }

  @Test
  void twoModesAtOnceAreAUsageMistake() throws IOException {
    assertThat(run("organize", source().toString(), "--library", tmp.toString(), "--copy", "--move")).isEqualTo(2);
    assertThat(err.toString()).contains("mutually exclusive");
  }

  @Test
  void undoOfAFileThatIsNotAJournalIsAUsageMistake() throws IOException {
    Path f = Files.writeString(tmp.resolve("x.jsonl"), "{\"op\":\"other\"}\n");
    assertThat(run("undo", f.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not a vorg journal");
  }

  @Test
  void helpOfBothCommandsGoesToStandardOutput() {
    assertThat(run("organize", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: vorg organize", "--dry-run", "--hardlink", "--json");
    assertThat(run("undo", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: vorg undo");
    assertThat(err.toString()).isEmpty();
  }
}
