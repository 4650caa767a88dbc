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

/** {@code vorg undo} says per file what happened to the source and to the library file, and where the space went. */
class UndoCommandTest {

  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path src;
  private Path lib;

  private int run(String... args) {
    return VorgCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  /** Organizes a movie with a subtitle in the given mode and returns the journal. */
  private String organize(String mode) throws IOException {
    src = Files.createDirectories(tmp.resolve("in"));
    lib = tmp.resolve("lib");
    Files.write(src.resolve("Heat.1995.1080p.mkv"), new byte[] {1, 2, 3});
    Files.write(src.resolve("Heat.1995.1080p.en.srt"), new byte[] {4});
    assertThat(run("organize", src.toString(), "--library", lib.toString(), mode)).isZero();
    String journal = err.toString().replaceAll("(?s).*journal (\\S+\\.jsonl).*", "$1");
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return journal;
  }

  private List<JsonNode> rows() throws IOException {
    var rows = new ArrayList<JsonNode>();
    for (String line : out.toString().split("\n")) {
      rows.add(new ObjectMapper().readTree(line));
    }
    return rows;
  }

  private Path undoTrash() throws IOException {
    try (var list = Files.list(lib.resolve(".vorg/trash"))) {
      return list.filter(p -> p.getFileName().toString().startsWith("undo-")).findFirst().orElseThrow();
    }
  }

  @Test
  void undoOfACopyRunSaysTheSourcesWereUntouchedAndWhereTheCopiesWent() throws IOException {
    String journal = organize("--copy");

    assertThat(run("undo", journal, "--json")).isZero();

    Path trash = undoTrash();
    Path video = trash.resolve("Movies/Heat (1995)/Heat (1995).mkv");
    assertThat(video).hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(src.resolve("Heat.1995.1080p.mkv")).hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(lib.resolve("Movies/Heat (1995)/Heat (1995).mkv")).doesNotExist();
    List<JsonNode> rows = rows();
    assertThat(rows).hasSize(2).allSatisfy(r -> {
      assertThat(r.get("action").asText()).isEqualTo("removed");
      assertThat(r.get("reason").asText()).startsWith("source untouched (a copy run never moves it); the library copy moved to "
          + trash + "/Movies/Heat (1995)/Heat (1995).");
    });
    assertThat(rows).anySatisfy(r -> assertThat(r.get("reason").asText()).isEqualTo("source untouched (a copy run never moves "
        + "it); the library copy moved to " + video + " (3 B used until that is deleted)"));
    assertThat(err.toString().lines()).containsExactly(
        "vorg undo: restored 0, removed from the library 2 (a copy run: its sources never moved and are untouched), kept 0, failed 0",
        "vorg undo: 2 library files (4 B) are kept in " + trash + "; they use that space until you delete the folder");
  }

  @Test
  void undoOfAMoveRunRestoresTheSourcesFromTheTrash() throws IOException {
    String journal = organize("--move");
    assertThat(src.resolve("Heat.1995.1080p.mkv")).doesNotExist();

    assertThat(run("undo", journal, "--json")).isZero();

    assertThat(src.resolve("Heat.1995.1080p.mkv")).hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(lib.resolve("Movies/Heat (1995)/Heat (1995).mkv")).doesNotExist();
    assertThat(rows()).hasSize(2).allSatisfy(r -> {
      assertThat(r.get("action").asText()).isEqualTo("restored");
      assertThat(r.get("reason").asText()).startsWith("source back from the trash " + src.resolve(".vorg-trash"))
          .endsWith("; its second name in the library removed (a hard link: no space freed or used)");
    });
    assertThat(err.toString().lines()).containsExactly("vorg undo: restored 2, removed from the library 0, kept 0, failed 0");
  }

  @Test
  void undoOfAHardLinkRunRemovesTheLinksAndLeavesTheSources() throws IOException {
    String journal = organize("--hardlink");

    assertThat(run("undo", journal, "--json")).isZero();

    assertThat(src.resolve("Heat.1995.1080p.mkv")).hasBinaryContent(new byte[] {1, 2, 3});
    assertThat(rows()).hasSize(2).allSatisfy(r -> {
      assertThat(r.get("action").asText()).isEqualTo("removed");
      assertThat(r.get("reason").asText()).isEqualTo("source untouched (a hardlink run never moves it); "
          + "its second name in the library removed (a hard link: no space freed or used)");
    });
    assertThat(err.toString().lines()).containsExactly("vorg undo: restored 0, removed from the library 2 "
        + "(a hardlink run: its sources never moved and are untouched), kept 0, failed 0");
  }

  @Test
  void aSecondUndoChangesNothingAndSaysSo() throws IOException {
    String journal = organize("--copy");
    assertThat(run("undo", journal)).isZero();
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);

    assertThat(run("undo", journal, "--json")).isZero();

    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith("vorg undo: restored 0, removed from the library 0 (a copy run");
  }
}
