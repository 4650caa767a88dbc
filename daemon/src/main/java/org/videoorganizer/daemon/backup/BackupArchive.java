package org.videoorganizer.daemon.backup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.videoorganizer.daemon.store.LogicalDump;

/**
 * The archive: a zip with {@code database/<table>.jsonl} (one row as JSON per line),
 * {@code journals/<file>} (the library's {@code .vorg/journal}), {@code config/vorg.yaml} (the
 * configuration file when there is one; secrets are never in it), {@code config/effective.txt}
 * (the configuration in force, secrets shown as redacted) and {@code manifest.json},
 * written last, naming the schema versions and the row count of each table. Written under a
 * dot-prefixed temporary name in the target folder and renamed into place when complete, so an
 * archive under its final name is always whole.
 */
public final class BackupArchive {

  static final int FORMAT = 1;
  static final String JOURNALS = ".vorg/journal";

  private BackupArchive() {}

  /** What one backup wrote. */
  public record Written(Path file, long bytes, Map<String, Long> rows, int journals, Duration took) {}

  public static Written write(LogicalDump dump, Path library, Optional<Path> configFile, String effective, Path target) throws IOException {
    Instant start = Instant.now();
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".partial");
    try {
      LogicalDump.Contents contents;
      List<String> journals;
      try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(file)) {
        contents = dump.export(new TableEntries(zip));
        journals = copyJournals(library.resolve(JOURNALS), zip);
        if (configFile.isPresent()) {
          zip.putNextEntry(new ZipEntry("config/vorg.yaml"));
          Files.copy(configFile.get(), zip);
          zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry("config/effective.txt"));
        zip.write(effective.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("manifest.json"));
        zip.write(manifest(contents, journals, start).encodePrettily().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return new Written(target, Files.size(target), contents.rows(), journals.size(), Duration.between(start, Instant.now()));
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** An archive opened for restoring. */
  public static final class Reader implements AutoCloseable {
    private final ZipFile zip;
    private final JsonObject manifest;

    public Reader(Path file) throws IOException {
      try {
        this.zip = new ZipFile(file.toFile());
      } catch (IOException e) {
        throw new IOException(file + " is not a vorg backup (not a zip archive): " + e.getMessage(), e);
      }
      ZipEntry m = zip.getEntry("manifest.json");
      if (m == null) {
        zip.close();
        throw new IOException(file + " is not a whole vorg backup: it has no manifest.json");
      }
      this.manifest = new JsonObject(new String(zip.getInputStream(m).readAllBytes(), StandardCharsets.UTF_8));
      if (manifest.getInteger("format", -1) != FORMAT) {
        zip.close();
        throw new IOException(file + ": backup format " + manifest.getValue("format") + ", this vorg reads format " + FORMAT);
      }
    }

    public LogicalDump.Contents contents() {
      List<Integer> versions = new ArrayList<>();
      manifest.getJsonArray("schema_versions").forEach(v -> versions.add(((Number) v).intValue()));
      Map<String, Long> rows = new LinkedHashMap<>();
      manifest.getJsonObject("rows").forEach(e -> rows.put(e.getKey(), ((Number) e.getValue()).longValue()));
      return new LogicalDump.Contents(versions, rows);
    }

    public Iterator<String> rows(String table) {
      ZipEntry e = zip.getEntry("database/" + table + ".jsonl");
      if (e == null) {
        return Collections.emptyIterator();
      }
      try {
        return new BufferedReader(new InputStreamReader(zip.getInputStream(e), StandardCharsets.UTF_8)).lines().iterator();
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }

    /** Puts each journal back into {@code library/.vorg/journal} unless a file of that name is there; returns how many. */
    public int restoreJournals(Path library) throws IOException {
      Path dir = library.resolve(JOURNALS);
      int n = 0;
      for (Object name : manifest.getJsonArray("journals")) {
        Path to = dir.resolve((String) name);
        if (!to.normalize().startsWith(dir) || Files.exists(to)) {
          continue;
        }
        Files.createDirectories(dir);
        Files.copy(zip.getInputStream(zip.getEntry("journals/" + name)), to);
        n++;
      }
      return n;
    }

    /** The configuration file of the backup, written to {@code to} unless something is there. */
    public boolean restoreConfig(Path to) throws IOException {
      ZipEntry e = zip.getEntry("config/vorg.yaml");
      if (e == null || Files.exists(to)) {
        return false;
      }
      Files.createDirectories(to.toAbsolutePath().getParent());
      Files.copy(zip.getInputStream(e), to);
      return true;
    }

    @Override
    public void close() throws IOException {
      zip.close();
    }
  }

  private static JsonObject manifest(LogicalDump.Contents c, List<String> journals, Instant at) {
    JsonObject rows = new JsonObject();
    c.rows().forEach(rows::put);
    return new JsonObject().put("format", FORMAT).put("created_at", at.toString())
        .put("schema_versions", new JsonArray(new ArrayList<>(c.schemaVersions()))).put("rows", rows)
        .put("journals", new JsonArray(new ArrayList<>(journals)));
  }

  private static List<String> copyJournals(Path dir, ZipOutputStream zip) throws IOException {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return names;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        zip.putNextEntry(new ZipEntry("journals/" + f.getFileName()));
        Files.copy(f, zip);
        zip.closeEntry();
        names.add(f.getFileName().toString());
      }
    }
    return names;
  }

  /** Opens {@code database/<table>.jsonl} when a table's first row comes. */
  private static final class TableEntries implements LogicalDump.Sink {
    private final ZipOutputStream zip;
    private String open;

    TableEntries(ZipOutputStream zip) {
      this.zip = zip;
    }

    @Override
    public void row(String table, String json) throws IOException {
      if (!table.equals(open)) {
        if (open != null) {
          zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry("database/" + table + ".jsonl"));
        open = table;
      }
      zip.write(json.getBytes(StandardCharsets.UTF_8));
      zip.write('\n');
    }
  }
}
