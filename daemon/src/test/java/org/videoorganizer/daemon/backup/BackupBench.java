package org.videoorganizer.daemon.backup;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.daemon.store.Database;
import org.videoorganizer.daemon.store.LogicalDump;
import org.videoorganizer.daemon.testsupport.Servers;
import org.videoorganizer.daemon.testsupport.TestServices;

/**
 * Figures for tools/bench-backup: an installation of N organized videos (a video row, its match
 * with evidence, its library file, three finished jobs and two journaled file operations each)
 * backed up and restored into an empty database on the PostgreSQL of the tests.
 * Args: work dir, N.
 */
public final class BackupBench {

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    Vertx vertx = Vertx.vertx();
    try {
      String fromUrl = TestServices.newDatabase();
      String toUrl = TestServices.newDatabase();
      Database from = Blocking.await(Database.open(vertx, fromUrl, 4));
      long t0 = System.nanoTime();
      populate(from, n);
      System.out.printf("populated %,d videos in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
      Path archive = work.resolve("bench.zip");
      BackupArchive.Written w = BackupArchive.write(new LogicalDump(from.pool()), work.resolve("lib"), Optional.empty(),
          "bench", archive);
      long rows = w.rows().values().stream().mapToLong(Long::longValue).sum();
      System.out.printf("backup: %,d rows, archive %.1f MiB (%,d bytes), %.2f s%n", rows, w.bytes() / 1048576.0, w.bytes(),
          w.took().toMillis() / 1000.0);
      Database to = Blocking.await(Database.open(vertx, toUrl, 4));
      long t1 = System.nanoTime();
      try (BackupArchive.Reader r = new BackupArchive.Reader(archive)) {
        new LogicalDump(to.pool()).load(r.contents(), r::rows);
      }
      System.out.printf("restore into an empty database: %.2f s%n", (System.nanoTime() - t1) / 1e9);
      long back = Blocking.await(to.pool().query("select count(*) from videos").execute()).iterator().next().getLong(0);
      System.out.printf("videos after restore: %,d%n", back);
      Blocking.await(from.close());
      Blocking.await(to.close());
      Files.deleteIfExists(archive);
      drop(fromUrl);
      drop(toUrl);
    } finally {
      Blocking.await(vertx.close());
    }
  }

  private static void drop(String url) throws Exception {
    String name = url.substring(url.lastIndexOf('/') + 1);
    try (var c = java.sql.DriverManager.getConnection(Servers.jdbc(Servers.postgresAdminUrl()));
        var st = c.createStatement()) {
      st.execute("drop database if exists " + name + " with (force)");
    }
  }

  private static void populate(Database db, int n) {
    String[] sql = {
      "insert into sync_sources (name, path) values ('downloads', '/srv/downloads')",
      "insert into videos (source, rel_path, display_path, size, mtime_ms, quick_hash, content_hash, state, sidecars) "
          + "select 'downloads', 'Some.Show.S01E' || i || '.1080p.WEB-DL.x264-GROUP.mkv', "
          + "'/srv/downloads/Some.Show.S01E' || i || '.1080p.WEB-DL.x264-GROUP.mkv', 1500000000 + i, 1733400000000 + i, "
          + "md5(i::text), md5('c' || i), 'organized', '[{\"path\":\"x.en.srt\",\"kind\":\"subtitle\"}]'::jsonb "
          + "from generate_series(1, " + n + ") i",
      "insert into media_matches (video_id, kind, title, year, season, episode, tmdb_id, confidence, evidence) "
          + "select id, 'episode', 'Some Show', 2020, 1, id::int, 1000 + id, 0.93, "
          + "jsonb_build_object('query', 'some show', 'candidates', 3, 'why', 'title 0.98, year exact, runtime 42/43 min') "
          + "from videos",
      "insert into organized_files (video_id, library_path, content_hash, size) select id, "
          + "'/srv/media/TV Shows/Some Show (2020) [tmdbid-1000]/Season 01/Some Show S01E' || id || '.mkv', content_hash, size "
          + "from videos",
      "insert into jobs (video_id, stage, state, attempts, fence) select v.id, s.stage, 'done', 1, 1 from videos v, "
          + "(values ('fingerprint'), ('identify'), ('organize')) s(stage)",
      "insert into file_operations (video_id, op, source_path, target_path, state, finished_at) "
          + "select v.id, o.op, v.display_path, f.library_path, 'done', now() from videos v join organized_files f on f.video_id = v.id, "
          + "(values ('copy'), ('publish')) o(op)",
    };
    for (String s : sql) {
      Blocking.await(db.pool().query(s).execute());
    }
  }
}
