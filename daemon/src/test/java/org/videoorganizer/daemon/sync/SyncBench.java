package org.videoorganizer.daemon.sync;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Figures for tools/bench-sync: (1) upload throughput of {@link RemoteLibraryPublisher} to a
 * loopback OpenSSH server next to {@code rclone copy} of the same files in the same run;
 * (2) the time to list and skip a remote of N files the library already has.
 * Args: work dir, files, MiB per file, remote size for the skip run.
 */
public final class SyncBench {

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int files = Integer.parseInt(args[1]);
    int mib = Integer.parseInt(args[2]);
    int remoteFiles = Integer.parseInt(args[3]);
    upload(work.resolve("upload"), files, mib);
    listAndSkip(work.resolve("skip"), remoteFiles);
  }

  static void upload(Path work, int files, int mib) throws Exception {
    Path src = Files.createDirectories(work.resolve("src"));
    byte[] block = new byte[1 << 20];
    Random r = new Random(1);
    for (int i = 0; i < files; i++) {
      try (var out = Files.newOutputStream(src.resolve("movie" + i + ".mkv"))) {
        for (int m = 0; m < mib; m++) {
          r.nextBytes(block);
          out.write(block);
        }
      }
    }
    long total = (long) files * mib << 20;
    try (SftpServerHarness box = new SftpServerHarness(work.resolve("sshd"))) {
      Path conf = Files.writeString(work.resolve("rclone.conf"), box.remote("box", box.userKey));
      Path libRclone = Files.createDirectories(work.resolve("lib-rclone"));
      Path libVorg = Files.createDirectories(work.resolve("lib-vorg"));
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder("rclone", "--config", conf.toString(), "copy", src.toString(), "box:" + libRclone)
          .inheritIO().start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("rclone copy failed");
      }
      double rcloneS = (System.nanoTime() - t0) / 1e9;
      Path staging = Files.createDirectories(work.resolve("staging"));
      List<RemoteLibraryPublisher.Item> items = new ArrayList<>();
      for (int i = 0; i < files; i++) {
        Path link = staging.resolve("movie" + i + ".mkv");
        Files.createLink(link, src.resolve("movie" + i + ".mkv"));
        items.add(new RemoteLibraryPublisher.Item(link, "Movies/movie" + i + ".mkv"));
      }
      RcdSupervisor rcd = new RcdSupervisor(RcloneSettings.defaults().withConfigFile(conf), work.resolve("rcd.log"));
      rcd.client();
      long t1 = System.nanoTime();
      // as the daemon publishes with a Google Drive source: each staged copy hashed in md5 during its upload
      RemoteLibraryPublisher.Placed placed = new RemoteLibraryPublisher.Placed() {
        @Override
        public void placed(String libraryPath, long size, java.util.Map<String, String> hashes) {
          if (!hashes.containsKey("md5")) {
            throw new IllegalStateException("no md5 of " + libraryPath);
          }
        }

        @Override
        public List<String> hashTypes() {
          return List.of("md5");
        }
      };
      try (RemoteLibraryPublisher pub = new RemoteLibraryPublisher(rcd, "box:" + libVorg, work.resolve("publish.journal"),
          placed)) {
        // units in parallel, as many as rclone copy's default --transfers 4
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
          List<java.util.concurrent.Future<PublishResult>> runs = new ArrayList<>();
          for (int i = 0; i < files; i++) {
            int u = i;
            runs.add(pool.submit(() -> pub.publish("unit" + u, List.of(items.get(u)))));
          }
          for (var run : runs) {
            if (!run.get().complete()) {
              throw new IllegalStateException("publish failed: " + run.get());
            }
          }
        }
      } finally {
        rcd.close();
      }
      double vorgS = (System.nanoTime() - t1) / 1e9;
      double mibTotal = total / 1048576.0;
      System.out.printf("upload %d x %d MiB to loopback OpenSSH SFTP:%n", files, mib);
      System.out.printf("  rclone copy          %6.2f s  %7.1f MiB/s%n", rcloneS, mibTotal / rcloneS);
      System.out.printf("  RemoteLibraryPublisher %4.2f s  %7.1f MiB/s  (%.0f%% of rclone copy; temp name + md5 verify + move)%n",
          vorgS, mibTotal / vorgS, 100 * rcloneS / vorgS);
    }
  }

  /**
   * The daemon's path for a remote whose files the library already has: the real {@code SyncStore}
   * on a fresh PostgreSQL database, every file recorded as downloaded before (as after a first run),
   * so each is looked up, skipped and recorded, and not one byte is transferred.
   */
  static void listAndSkip(Path work, int n) throws Exception {
    Path cloud = Files.createDirectories(work.resolve("cloud"));
    for (int i = 0; i < n; i++) {
      Path d = Files.createDirectories(cloud.resolve("dir" + (i / 100)));
      Files.writeString(d.resolve("video" + i + ".mkv"), "content " + i);
    }
    Path conf = Files.writeString(work.resolve("rclone.conf"), "[cloud]\ntype = local\n");
    RcdSupervisor rcd = new RcdSupervisor(RcloneSettings.defaults().withConfigFile(conf), work.resolve("rcd.log"));
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      var db = org.videoorganizer.daemon.store.Database.open(vertx,
          org.videoorganizer.daemon.testsupport.TestServices.newDatabase(), 4).await();
      var store = new org.videoorganizer.daemon.store.SyncStore(db.pool());
      RemoteSource source = RemoteSource.of("bench", "cloud:" + cloud);
      RemoteSourceRunner runner = new RemoteSourceRunner(rcd, work.resolve("staging"), new LibraryKnownHashes(store, java.util.Optional.empty()), store,
          Clock.systemUTC());
      long t0 = System.nanoTime();
      for (RemoteFile f : rcd.client().listWithHashes(source.remote(), "", List.of("md5"))) {
        store.recordDownloaded("earlier", source.remote(), f, work.resolve("staging/earlier").resolve(f.path()));
      }
      System.out.printf("(recording %d files as already downloaded took %.2f s)%n", n, (System.nanoTime() - t0) / 1e9);
      long t1 = System.nanoTime();
      SourceRun run = runner.run(source);
      double s = (System.nanoTime() - t1) / 1e9;
      System.out.printf("list and skip a remote of %d files already in the library (SyncStore on PostgreSQL): %.2f s "
          + "(%d skipped, %d bytes transferred)%n", n, s, run.skippedKnown(), rcd.client().stats().bytes());
      db.close().await();
    } finally {
      rcd.close();
      vertx.close().await();
    }
  }
}
