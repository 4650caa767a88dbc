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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.videoorganizer.core.parse.FilenameParser;
import org.videoorganizer.core.parse.ParsedName;
import org.videoorganizer.core.parse.SubtitleFacts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vorg parse}: one file name or relative path per line on standard input, one JSON object
 * per line on standard output (field names of shared/corpora/filenames/README.md plus the release
 * facts). Streams: memory does not grow with the number of lines.
 */
@Command(
    name = "parse",
    header = "Parses file names from standard input into JSON lines.",
    mixinStandardHelpOptions = true,
    description = {
      "Reads one file name or relative path per line on standard input and writes what it says",
      "as one JSON object per line on standard output (absent facts are left out)."
    })
public final class ParseCommand implements Callable<Integer> {
  private static final JsonFactory JSON = new JsonFactoryBuilder().rootValueSeparator((String) null).build();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--echo-input", description = "Also write each input line as \"input\".")
  boolean echoInput;

  private final InputStream in;
  private final FilenameParser parser = new FilenameParser();

  public ParseCommand() {
    this(System.in);
  }

  ParseCommand(InputStream in) {
    this.in = in;
  }

  @Override
  public Integer call() throws IOException {
    Writer out = spec.commandLine().getOut();
    var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      String line;
      while ((line = reader.readLine()) != null) {
        write(json, line, parser.parse(line));
        json.writeRaw('\n');
      }
    }
    out.flush();
    return 0;
  }

  private void write(JsonGenerator j, String input, ParsedName p) throws IOException {
    j.writeStartObject();
    if (echoInput) {
      j.writeStringField("input", input);
    }
    j.writeStringField("type", p.type().name().toLowerCase(Locale.ROOT));
    string(j, "title", p.title());
    number(j, "year", p.year());
    if (p.seasons().size() == 1) {
      j.writeNumberField("season", p.seasons().get(0));
    } else {
      numbers(j, "season", p.seasons());
    }
    numbers(j, "episode", p.episodes());
    string(j, "episode_title", p.episodeTitle());
    string(j, "date", p.date() == null ? null : p.date().toString());
    numbers(j, "absolute_episode", p.absoluteEpisodes());
    number(j, "part", p.part());
    strings(j, "edition", p.editions());
    string(j, "extra", p.extra() == null ? null : p.extra().name().toLowerCase(Locale.ROOT));
    releaseFacts(j, p);
    subtitle(j, p.subtitle());
    j.writeEndObject();
  }

  private static void releaseFacts(JsonGenerator j, ParsedName p) throws IOException {
    string(j, "resolution", p.resolution());
    string(j, "source", p.source());
    string(j, "video_codec", p.videoCodec());
    string(j, "audio_codec", p.audioCodec());
    string(j, "release_group", p.releaseGroup());
    strings(j, "languages", p.languages());
    string(j, "container", p.container());
    if (p.tmdbId() != null) {
      j.writeNumberField("tmdb_id", p.tmdbId());
    }
    string(j, "imdb_id", p.imdbId());
    if (p.tvdbId() != null) {
      j.writeNumberField("tvdb_id", p.tvdbId());
    }
  }

  private static void subtitle(JsonGenerator j, SubtitleFacts s) throws IOException {
    if (s == null) {
      return;
    }
    j.writeObjectFieldStart("subtitle");
    string(j, "language", s.language());
    j.writeBooleanField("forced", s.forced());
    j.writeBooleanField("sdh", s.sdh());
    j.writeBooleanField("default", s.isDefault());
    j.writeEndObject();
  }

  private static void string(JsonGenerator j, String name, String value) throws IOException {
    if (value != null && !value.isEmpty()) {
      j.writeStringField(name, value);
    }
  }

  private static void number(JsonGenerator j, String name, Integer value) throws IOException {
    if (value != null) {
      j.writeNumberField(name, value);
    }
  }

  private static void numbers(JsonGenerator j, String name, List<Integer> values) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    j.writeArrayFieldStart(name);
    for (int v : values) {
      j.writeNumber(v);
    }
    j.writeEndArray();
  }

  private static void strings(JsonGenerator j, String name, List<String> values) throws IOException {
    if (values.isEmpty()) {
      return;
    }
    j.writeArrayFieldStart(name);
    for (String v : values) {
      j.writeString(v);
    }
    j.writeEndArray();
  }
}
