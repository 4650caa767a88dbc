package org.videoorganizer.daemon.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.vertx.core.json.JsonObject;
import org.videoorganizer.config.ConfigLoader;
import org.videoorganizer.daemon.app.Daemon;
import org.videoorganizer.daemon.testsupport.Servers;

/**
 * Page and API timings with N videos in the database (default 100,000): a daemon on a fresh
 * database, N videos inserted in bulk (a third identified, 2% in review, some failed), then each
 * page and API call timed over loopback HTTP, median and p95 of R runs. Run by tools/bench-web.
 */
public final class WebBench {

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    String admin = Servers.postgresAdminUrl();
    String db = "vorg_web_bench";
    try (var c = DriverManager.getConnection(Servers.jdbc(admin)); var st = c.createStatement()) {
      st.execute("drop database if exists " + db + " with (force)");
      st.execute("create database " + db);
    }
    String url = admin.substring(0, admin.lastIndexOf('/') + 1) + db;
    Files.createDirectories(work.resolve("in"));
    Map<String, String> vars = new HashMap<>(Map.of("VORG_SOURCES", "in=" + work.resolve("in"), "VORG_LIBRARY",
        work.resolve("lib").toString(), "VORG_DATA_DIR", work.resolve("data").toString(), "VORG_DATABASE_URL", url,
        "VORG_HTTP_PORT", "0"));
    Daemon daemon = Daemon.start(ConfigLoader.load(Optional.empty(), vars));
    try {
      long t0 = System.nanoTime();
      fill(url, n);
      System.out.printf("BENCH web: %,d videos inserted and analyzed in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
      run(daemon, runs);
    } finally {
      daemon.stop();
    }
  }

  private static void fill(String url, int n) throws Exception {
    try (var c = DriverManager.getConnection(Servers.jdbc(url)); var st = c.createStatement()) {
      st.execute("insert into videos (source, rel_path, display_path, size, mtime_ms, content_hash, state, reason, updated_at) "
          + "select 'in', 'folder' || (i / 50) || '/Some.Film.' || i || '.2010.1080p.mkv', 'in/folder' || (i / 50) || '/Some.Film.' || i "
          + "|| '.2010.1080p.mkv', 1000000 + i, 1700000000000 + i, md5(i::text), "
          + "case when i % 50 = 0 then 'needs_review' when i % 97 = 0 then 'failed' when i % 3 = 0 then 'identified' "
          + "else 'announced' end, case when i % 50 = 0 then 'TMDB found nothing' end, "
          + "now() - (i || ' seconds')::interval from generate_series(1, " + n + ") i");
      st.execute("insert into media_matches (video_id, kind, title, year, tmdb_id, confidence) select id, "
          + "case when id % 4 = 0 then 'episode' else 'movie' end, 'Some Film ' || id, 2010, id, 0.9 from videos "
          + "where state in ('identified', 'announced')");
      st.execute("analyze");
    }
  }

  private static void run(Daemon daemon, int runs) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + daemon.httpPort();
    String token = daemon.httpToken().value();
    String cookie = login(http, base, token);
    JsonObject first = new JsonObject(get(http, base + "/api/videos?limit=50", token).body());
    String cursor = first.getString("next");
    for (int i = 0; i < 200; i++) { // a cursor 10,000 rows deep
      cursor = new JsonObject(get(http, base + "/api/videos?limit=50&after=" + cursor, token).body()).getString("next");
    }
    long someId = first.getJsonArray("items").getJsonObject(0).getLong("video");
    Map<String, String> calls = new java.util.LinkedHashMap<>();
    calls.put("GET /api/overview", "/api/overview");
    calls.put("GET /api/videos (first 50)", "/api/videos?limit=50");
    calls.put("GET /api/videos (10,000 deep)", "/api/videos?limit=50&after=" + cursor);
    calls.put("GET /api/videos?state=failed", "/api/videos?limit=50&state=failed");
    calls.put("GET /api/videos?type=episode", "/api/videos?limit=50&type=episode");
    calls.put("GET /api/videos?q=Film.4242", "/api/videos?limit=50&q=Film.4242");
    calls.put("GET /api/videos?q=1080p (all)", "/api/videos?limit=50&q=1080p");
    calls.put("GET /api/videos/ID", "/api/videos/" + someId);
    calls.put("GET /api/review (100, no TMDB)", "/api/review");
    calls.put("page /", "/");
    calls.put("page /videos", "/videos");
    calls.put("page /videos/ID", "/videos/" + someId);
    calls.put("page /review", "/review");
    for (var e : calls.entrySet()) {
      boolean page = !e.getValue().startsWith("/api/");
      List<Double> ms = new ArrayList<>();
      for (int i = 0; i < runs + 3; i++) {
        long t = System.nanoTime();
        HttpResponse<String> res = page ? getPage(http, base + e.getValue(), cookie) : get(http, base + e.getValue(), token);
        double d = (System.nanoTime() - t) / 1e6;
        if (res.statusCode() != 200) {
          throw new IllegalStateException(e.getKey() + " answered " + res.statusCode() + ": " + res.body());
        }
        if (i >= 3) {
          ms.add(d);
        }
      }
      Collections.sort(ms);
      System.out.printf("BENCH web: %-32s median %7.1f ms   p95 %7.1f ms%n", e.getKey(), ms.get(ms.size() / 2),
          ms.get((int) Math.ceil(ms.size() * 0.95) - 1));
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> getPage(HttpClient http, String url, String cookie) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String login(HttpClient http, String base, String token) throws Exception {
    var res = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("token=" + java.net.URLEncoder.encode(token, "UTF-8"))).build(),
        HttpResponse.BodyHandlers.ofString());
    return res.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
  }
}
