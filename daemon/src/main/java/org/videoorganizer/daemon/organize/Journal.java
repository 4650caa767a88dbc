package org.videoorganizer.daemon.organize;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The record of one run: a JSON object per line, written before each side effect and after it
 * ({@code copy-begin}, {@code published}, {@code retire-begin}, {@code retired}, ...). Each line
 * reaches the kernel at once (it survives the process being killed) and the disk at every
 * {@link #sync()}. Runs live in {@code <library>/.vorg/journal/}; {@link JournalUndo} reads them.
 *
 * <p>A journal being written is locked (an OS file lock, which dies with its process), so that
 * recovery run by another process (a second daemon, {@code vorg organize}) leaves a live run's
 * temporary copies alone; journals of this process are known without touching their locks,
 * since closing any channel of a file would drop them.
 */
public final class Journal implements Closeable {

  static final String FOLDER = ".vorg/journal";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  /** Journals this process is writing (absolute, normalized paths). */
  private static final java.util.Set<Path> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final Path file;
  private final String runId;
  private final FileChannel channel;
  private final boolean live;

  private Journal(Path file, String runId, FileChannel channel, boolean live) {
    this.file = file;
    this.runId = runId;
    this.channel = channel;
    this.live = live;
  }

  /** Whether a run of this process is still writing {@code file}. */
  static boolean writtenHere(Path file) {
    return LIVE.contains(file.toAbsolutePath().normalize());
  }

  /** A new journal for a run into {@code library}; its first line names the run. */
  public static Journal create(Path library, Path source, TransferMode mode, Clock clock) throws IOException {
    String runId = UUID.randomUUID().toString().substring(0, 8);
    Path dir = library.resolve(FOLDER);
    Files.createDirectories(dir);
    Path file = dir.resolve(STAMP.format(clock.instant()) + "-" + runId + ".jsonl");
    var channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    LIVE.add(file.toAbsolutePath().normalize());
    try {
      channel.lock(); // released when the channel closes or the process dies
    } catch (IOException | RuntimeException e) {
      LIVE.remove(file.toAbsolutePath().normalize());
      channel.close();
      throw e;
    }
    var journal = new Journal(file, runId, channel, true);
    journal.write(entry("run").with("run", runId).with("mode", mode.name()).with("source", source)
        .with("library", library).with("started", clock.instant().toString()));
    journal.sync();
    return journal;
  }

  /** Opens an existing journal to add lines to it (undo, recovery). */
  public static Journal reopen(Path file, String runId) throws IOException {
    return new Journal(file, runId, FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND), false);
  }

  public Path file() {
    return file;
  }

  /** A short id, unique per run, used in temporary and trash names. */
  public String runId() {
    return runId;
  }

  /** A new line of the given operation, to fill and {@link #write}. */
  static Entry entry(String op) {
    return new Entry(op);
  }

  /** Writes one line; it reaches the kernel before this returns. */
  synchronized void write(Entry e) throws IOException {
    byte[] line = (JSON.writeValueAsString(e.fields) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ByteBuffer buf = ByteBuffer.wrap(line);
    while (buf.hasRemaining()) {
      channel.write(buf);
    }
  }

  /** Makes every line written so far durable. */
  public synchronized void sync() throws IOException {
    channel.force(false);
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel.isOpen()) {
      try {
        sync();
        channel.close();
      } finally {
        if (live) {
          LIVE.remove(file.toAbsolutePath().normalize());
        }
      }
    }
  }

  /** One line being built: an operation and its facts, in order. */
  static final class Entry {
    final Map<String, Object> fields = new LinkedHashMap<>();

    private Entry(String op) {
      fields.put("op", op);
    }

    Entry with(String key, Object value) {
      if (value != null) {
        fields.put(key, value instanceof Path p ? p.toString() : value);
      }
      return this;
    }
  }
}
