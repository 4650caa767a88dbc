package org.videoorganizer.daemon.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import org.videoorganizer.core.match.Candidate;
import org.videoorganizer.core.match.Identity;
import org.videoorganizer.core.match.MatchResult;
import org.videoorganizer.core.match.Matcher;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.tmdb.TmdbException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code vorg match}: one file name or path per line on standard input, one JSON object per line
 * on standard output with the decision (matched, review, none; error when TMDB failed for that
 * line), the TMDB identity, the confidence and the evidence. A rejected API key stops at once.
 */
@Command(
    name = "match",
    header = "Matches file names from standard input against TMDB, as JSON lines.",
    mixinStandardHelpOptions = true,
    description = {
      "Reads one file name or path per line on standard input, matches it against TMDB and writes "
          + "one JSON object per line: input, decision (matched|review|none|error), media_type, tmdb_id, "
          + "title, year, season, episode, confidence, evidence.",
      "TMDB is reached at tmdb.base_url (VORG_TMDB_BASE_URL, default https://api.themoviedb.org) with "
          + "VORG_TMDB_API_KEY or VORG_TMDB_TOKEN, or their _FILE forms; --config FILE reads the tmdb "
          + "section of the daemon's configuration, and VORG_TMDB_* variables override it."
    })
public final class MatchCommand implements Callable<Integer> {

  private static final JsonFactory JSON = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin TmdbOptions tmdbOptions = new TmdbOptions();

  private final InputStream in;
  private final Map<String, String> env;

  public MatchCommand() {
    this(System.in, System.getenv());
  }

  MatchCommand(InputStream in, Map<String, String> env) {
    this.in = in;
    this.env = env;
  }

  @Override
  public Integer call() throws IOException {
    tmdbOptions.check(spec);
    Matcher matcher = tmdbOptions.connect(tmdbOptions.settings(spec, env)).matcher();
    var parser = new FilenameParser();
    Writer out = spec.commandLine().getOut();
    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    int lines = 0;
    int failed = 0;
    String firstFailure = null;
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      for (String line; (line = reader.readLine()) != null; ) {
        lines++;
        try {
          MatchResult result = line.isBlank()
              ? new MatchResult.NoMatch("empty input line", java.util.List.of())
              : matcher.match(parser.parse(line.strip()));
          MatchJson.write(json, line, result);
        } catch (TmdbException e) {
          if (e.kind() == TmdbException.Kind.AUTH) {
            json.flush();
            throw e;
          }
          failed++;
          firstFailure = firstFailure == null ? e.getMessage() : firstFailure;
          MatchJson.error(json, line, e.getMessage());
        }
        json.writeRaw('\n');
        json.flush();
      }
    }
    out.flush();
    if (failed > 0) {
      spec.commandLine().getErr().println("vorg match: TMDB failed for " + failed + " of " + lines
          + " names; first: " + firstFailure);
      return VorgCommand.FAILED;
    }
    return 0;
  }

  /** The JSON line of one result. */
  static final class MatchJson {
    private MatchJson() {}

    static void write(JsonGenerator j, String input, MatchResult result) throws IOException {
      j.writeStartObject();
      j.writeStringField("input", input);
      j.writeStringField("decision", result.decision());
      switch (result) {
        case MatchResult.Matched m -> identity(j, m.identity());
        case MatchResult.Review r -> {
          if (!r.candidates().isEmpty()) {
            identity(j, r.candidates().get(0).identity());
          }
          j.writeStringField("reason", r.reason());
          j.writeArrayFieldStart("candidates");
          for (Candidate c : r.candidates()) {
            j.writeStartObject();
            identity(j, c.identity());
            j.writeNumberField("score", Math.round(c.score() * 1000) / 1000.0);
            j.writeEndObject();
          }
          j.writeEndArray();
        }
        case MatchResult.NoMatch n -> j.writeStringField("reason", n.reason());
      }
      j.writeNumberField("confidence", result.confidence());
      j.writeArrayFieldStart("evidence");
      for (String e : result.evidence()) {
        j.writeString(e);
      }
      j.writeEndArray();
      j.writeEndObject();
    }

    static void error(JsonGenerator j, String input, String message) throws IOException {
      j.writeStartObject();
      j.writeStringField("input", input);
      j.writeStringField("decision", "error");
      j.writeStringField("error", message);
      j.writeEndObject();
    }

    private static void identity(JsonGenerator j, Identity id) throws IOException {
      j.writeStringField("media_type", id.kind().tmdbName());
      j.writeNumberField("tmdb_id", id.tmdbId());
      j.writeStringField("title", id.title());
      if (id.year() != null) {
        j.writeNumberField("year", id.year());
      }
      if (id.season() != null) {
        j.writeNumberField("season", id.season());
      }
      if (id.episode() != null) {
        j.writeNumberField("episode", id.episode());
      }
      if (id.imdbId() != null) {
        j.writeStringField("imdb_id", id.imdbId());
      }
    }
  }
}
