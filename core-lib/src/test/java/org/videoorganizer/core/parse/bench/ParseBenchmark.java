package org.videoorganizer.core.parse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.parse.ParsedName;

/**
 * Names parsed per second on one thread, cycling through every name of the three corpora
 * (run by tools/bench-parse, which adds -prof gc for the allocation rate).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ParseBenchmark {
  private static final String[] CORPORA = {"guessit-movies", "guessit-episodes", "jellyfin-naming"};

  private final FilenameParser parser = new FilenameParser();
  private String[] names;
  private int next;

  @Setup
  public void loadNames() throws IOException {
    var json = new ObjectMapper();
    List<String> all = new ArrayList<>();
    for (String corpus : CORPORA) {
      String resource = "/org/videoorganizer/core/parse/corpora/" + corpus + ".jsonl";
      try (var in = ParseBenchmark.class.getResourceAsStream(resource);
          var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (!line.isBlank()) {
            all.add(json.readTree(line).get("input").asText());
          }
        }
      }
    }
    names = all.toArray(new String[0]);
  }

  /** One name per operation, so the score is names per second. */
  @Benchmark
  public ParsedName parseOneName() {
    String name = names[next];
    next = next + 1 == names.length ? 0 : next + 1;
    return parser.parse(name);
  }
}
