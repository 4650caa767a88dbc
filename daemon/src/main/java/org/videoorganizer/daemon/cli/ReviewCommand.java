package org.videoorganizer.daemon.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vorg review}: the review page for people without a browser. Lists the daemon's open
 * questions, searches TMDB, and answers, over the daemon's JSON API with its token.
 */
@Command(
    name = "review",
    header = "Lists and answers the questions the daemon's matcher asks (over its /api/).",
    mixinStandardHelpOptions = true,
    description = {
      "Without arguments: the open questions, one per line (video id, file, reason, candidates).",
      "vorg review search VIDEO TITLE [--year Y] [--kind movie|tv]   TMDB hits (or a pasted TMDB/IMDb id or URL)",
      "vorg review answer VIDEO --tmdb movie:603 | --tmdb tv:1396 | --other TITLE [--year Y] | --skip | --ignore",
      "The token is VORG_HTTP_TOKEN (or an owner-only VORG_HTTP_TOKEN_FILE) or the file http-token in the daemon's data_dir (--token-file)."
    })
public final class ReviewCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", description = "list (default), search or answer")
  String action = "list";

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "ARGS", description = "VIDEO, then the search text")
  java.util.List<String> args = new java.util.ArrayList<>();

  @Option(names = "--url", description = "The daemon (default ${DEFAULT-VALUE}).", defaultValue = "http://127.0.0.1:8686")
  URI url;

  @Option(names = "--token-file", description = "The daemon's http-token file (default DATA_DIR/http-token via --data-dir).")
  Path tokenFile;

  @Option(names = "--data-dir", description = "The daemon's data_dir, where http-token is kept.")
  Path dataDir;

  @Option(names = "--tmdb", paramLabel = "KIND:ID", description = "Answer: the TMDB film (movie:603) or show (tv:1396).")
  String tmdb;

  @Option(names = "--other", paramLabel = "TITLE", description = "Answer: file it under Other/ with this title.")
  String other;

  @Option(names = "--year", description = "The year for --other or search.")
  Integer year;

  @Option(names = "--kind", description = "search: movie, tv or any (default ${DEFAULT-VALUE}).", defaultValue = "any")
  String kind;

  @Option(names = "--skip", description = "Answer: ask again later.")
  boolean skip;

  @Option(names = "--ignore", description = "Answer: never organize this file.")
  boolean ignore;

  @Option(names = "--json", description = "Print the API's JSON.")
  boolean json;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    String token = token();
    switch (action) {
      case "list" -> print(out, get(token, "/api/review").getJsonArray("questions"));
      case "search" -> {
        long video = video();
        if (args.size() < 2) {
          throw usage("search needs VIDEO and the text to search for");
        }
        String q = String.join(" ", args.subList(1, args.size()));
        JsonArray hits = get(token, "/api/tmdb/search?q=" + enc(q) + "&kind=" + enc(kind) + (year == null ? "" : "&year=" + year))
            .getJsonArray("results");
        if (json) {
          out.println(hits.encodePrettily());
        } else {
          hits.forEach(h -> out.println(hit((JsonObject) h) + "   -> vorg review answer " + video + " --tmdb "
              + ((JsonObject) h).getString("kind") + ":" + ((JsonObject) h).getLong("tmdb_id")));
        }
      }
      case "answer" -> out.println(post(token, "/api/review/" + video() + "/answer", answer()).getString("done"));
      default -> throw usage("ACTION is list, search or answer; got '" + action + "'");
    }
    out.flush();
    return 0;
  }

  private JsonObject answer() {
    int given = (tmdb != null ? 1 : 0) + (other != null ? 1 : 0) + (skip ? 1 : 0) + (ignore ? 1 : 0);
    if (given != 1) {
      throw usage("answer takes exactly one of --tmdb KIND:ID, --other TITLE, --skip, --ignore");
    }
    if (tmdb != null) {
      String[] p = tmdb.split(":", 2);
      if (p.length != 2 || !p[1].matches("\\d{1,10}")) {
        throw usage("--tmdb is movie:ID or tv:ID, for example movie:603; got '" + tmdb + "'");
      }
      return new JsonObject().put("answer", "tmdb").put("kind", p[0]).put("tmdb_id", Long.parseLong(p[1]));
    }
    if (other != null) {
      return new JsonObject().put("answer", "other").put("title", other).put("year", year);
    }
    return new JsonObject().put("answer", skip ? "skip" : "ignore");
  }

  private void print(PrintWriter out, JsonArray questions) {
    if (json) {
      out.println(questions.encodePrettily());
      return;
    }
    if (questions.isEmpty()) {
      out.println("no open questions");
    }
    for (Object o : questions) {
      JsonObject q = (JsonObject) o;
      out.printf("%d  %s%n    %s%n", q.getLong("video"), q.getString("path"), q.getString("reason"));
      q.getJsonArray("candidates", new JsonArray()).forEach(c -> out.println("    candidate: " + hit((JsonObject) c)));
    }
  }

  private static String hit(JsonObject h) {
    return h.getString("kind") + " " + h.getValue("tmdb_id") + "  " + h.getString("title")
        + (h.getValue("year") == null ? "" : " (" + h.getValue("year") + ")");
  }

  private long video() {
    if (args.isEmpty() || !args.getFirst().matches("\\d{1,18}")) {
      throw usage(action + " needs the video id first (from 'vorg review'); got " + (args.isEmpty() ? "nothing" : "'" + args.getFirst() + "'"));
    }
    return Long.parseLong(args.getFirst());
  }

  private String token() throws IOException {
    Optional<String> env;
    try {
      env = org.videoorganizer.config.ConfigLoader.httpToken(System.getenv()).map(org.videoorganizer.config.Secret::reveal);
    } catch (org.videoorganizer.config.ConfigException e) {
      throw usage(e.getMessage());
    }
    Path file = tokenFile != null ? tokenFile : dataDir != null ? dataDir.resolve("http-token") : null;
    if (file != null) {
      if (!Files.isReadable(file)) {
        throw usage("cannot read the token file " + file);
      }
      return Files.readString(file).strip();
    }
    if (env.isPresent()) {
      return env.get().strip();
    }
    throw usage("no token: set VORG_HTTP_TOKEN (or VORG_HTTP_TOKEN_FILE), or give --data-dir (or --token-file) of the daemon");
  }

  private JsonObject get(String token, String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(url.resolve(path)).header("Authorization", "Bearer " + token).GET(), path);
  }

  private JsonObject post(String token, String path, JsonObject body) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(url.resolve(path)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode())), path);
  }

  private JsonObject send(HttpRequest.Builder req, String path) throws IOException, InterruptedException {
    HttpResponse<String> res;
    try {
      res = http.send(req.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.net.ConnectException e) {
      throw new IllegalStateException("no daemon answers at " + url + " (start it with 'vorg daemon', or give --url)");
    }
    JsonObject body;
    try {
      body = new JsonObject(res.body());
    } catch (RuntimeException e) {
      throw new IllegalStateException(path + " answered " + res.statusCode() + " with no JSON: is " + url + " a vorg daemon?");
    }
    if (res.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + res.statusCode() + ": " + body.getString("error"));
    }
    return body;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
