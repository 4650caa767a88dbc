package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only journal of remote publishing, one tab-separated line per step, forced to disk
 * before the step it announces: {@code BEGIN unit}, {@code UPLOAD unit rel tmp local},
 * {@code PLACED unit rel}, {@code SAME unit rel} (the same bytes took the name before our rename:
 * that copy is kept, ours discarded), {@code CONFLICT unit rel}, {@code DONE unit}, {@code UNDONE unit}.
 * A unit with BEGIN and no DONE/UNDONE is unfinished and is resumed or undone at start.
 */
final class PublishJournal implements AutoCloseable {

  private final Path file;
  private final FileChannel channel;

  PublishJournal(Path file) throws IOException {
    this.file = file;
    Files.createDirectories(file.getParent());
    this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  synchronized void append(String... fields) throws IOException {
    for (String f : fields) {
      if (f.contains("\t") || f.contains("\n")) {
        throw new IllegalArgumentException("journal field holds a tab or newline: '" + f + "'");
      }
    }
    channel.write(ByteBuffer.wrap((String.join("\t", fields) + "\n").getBytes(StandardCharsets.UTF_8)));
    channel.force(false);
  }

  /** Unfinished units in journal order, each with its UPLOAD lines (rel, tmp, local). */
  List<Unfinished> unfinished() throws IOException {
    Map<String, Unfinished> open = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      if (f.length < 2) {
        continue; // a line torn by a crash: its step did not start
      }
      switch (f[0]) {
        case "BEGIN" -> open.put(f[1], new Unfinished(f[1], new ArrayList<>()));
        case "UPLOAD" -> {
          if (f.length == 5 && open.containsKey(f[1])) {
            open.get(f[1]).uploads().add(new String[] {f[2], f[3], f[4]});
          }
        }
        case "DONE", "UNDONE" -> open.remove(f[1]);
        default -> { }
      }
    }
    return List.copyOf(open.values());
  }

  /** A unit begun and not finished: its uploads as {rel, tmp, local} triples. */
  record Unfinished(String unit, List<String[]> uploads) {}

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
