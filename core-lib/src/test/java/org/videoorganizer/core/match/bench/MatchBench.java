package org.videoorganizer.core.match.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.videoorganizer.core.match.MatchResult;
import org.videoorganizer.core.match.Matcher;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.parse.ParsedName;
import org.videoorganizer.core.tmdb.TmdbClient;
import org.videoorganizer.core.tmdb.fake.FakeTmdbServer;

/**
 * Two figures over the labelled names against the fake TMDB: requests sent per identified file
 * with a cold cache (per category, goal at most 2 for films with a year), and parse-and-match
 * throughput with a warm cache (JMH, goal at least 2,000 per second).
 *
 * <p>Run: see docs/tmdb.md ("Figures").
 */
public class MatchBench {

  record Row(String category, String expected, String name) {}

  static List<Row> rows() throws IOException {
    var rows = new ArrayList<Row>();
    for (String file : List.of("names.tsv", "hand-labelled.tsv")) {
      try (var reader = new BufferedReader(new InputStreamReader(
          MatchBench.class.getResourceAsStream("/match-eval/" + file), StandardCharsets.UTF_8))) {
        for (String line; (line = reader.readLine()) != null; ) {
          if (!line.startsWith("#") && !line.startsWith("category\t") && !line.isBlank()) {
            String[] f = line.split("\t", 3);
            rows.add(new Row(f[0], f[1], f[2]));
          }
        }
      }
    }
    return rows;
  }

  public static void main(String[] args) throws IOException, RunnerException {
    requestsPerFile();
    new Runner(new OptionsBuilder().include(MatchBench.class.getName() + ".warmCache").build()).run();
  }

  /** Each group starts with an empty cache; counts requests the fake server saw. */
  static void requestsPerFile() throws IOException {
    var parser = new FilenameParser();
    var groups = new java.util.TreeMap<String, List<Row>>();
    for (Row row : rows()) {
      ParsedName p = parser.parse(row.name());
      String group = row.expected().startsWith("movie:") ? (p.year() != null ? "movies with year" : "movies without year")
          : row.expected().startsWith("tv:") ? "episodes (" + row.category() + ")" : "expected review/none";
      groups.computeIfAbsent(group, k -> new ArrayList<>()).add(row);
    }
    System.out.printf(Locale.ROOT, "%-28s %6s %9s %9s %17s%n", "group (cold cache)", "names", "matched", "requests", "requests/matched");
    try (var tmdb = FakeTmdbServer.start()) {
      for (var e : groups.entrySet()) {
        var client = TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY).requestsPerSecond(10_000).build();
        var matcher = Matcher.builder(client).build();
        int matched = 0;
        for (Row row : e.getValue()) {
          matched += matcher.match(parser.parse(row.name())) instanceof MatchResult.Matched ? 1 : 0;
        }
        long requests = client.stats().requestsSent();
        System.out.printf(Locale.ROOT, "%-28s %6d %9d %9d %17.2f%n", e.getKey(), e.getValue().size(), matched,
            requests, matched == 0 ? 0.0 : (double) requests / matched);
      }
    }
  }

  /** A matcher whose cache already holds every answer the labelled names need. */
  @State(Scope.Benchmark)
  public static class Warm {
    FakeTmdbServer tmdb;
    Matcher matcher;
    FilenameParser parser = new FilenameParser();
    String[] names;
    int next;

    @Setup(Level.Trial)
    public void warm() throws IOException {
      tmdb = FakeTmdbServer.start();
      var client = TmdbClient.builder().baseUrl(tmdb.baseUrl()).apiKey(FakeTmdbServer.API_KEY).requestsPerSecond(10_000).build();
      matcher = Matcher.builder(client).build();
      names = rows().stream().map(Row::name).toArray(String[]::new);
      for (String name : names) {
        matcher.match(parser.parse(name));
      }
      tmdb.resetCounters();
    }

    @TearDown(Level.Trial)
    public void stop() {
      if (tmdb.requestCount() > 0) {
        System.out.println("warning: the warm cache still sent " + tmdb.requestCount() + " requests");
      }
      tmdb.close();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Fork(1)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 3, time = 2)
  public MatchResult warmCache(Warm state) {
    String name = state.names[state.next++ % state.names.length];
    return state.matcher.match(state.parser.parse(name));
  }
}
