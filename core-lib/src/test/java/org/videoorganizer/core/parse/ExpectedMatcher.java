package org.videoorganizer.core.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compares a parse with a corpus expectation following the matching rules of
 * shared/tools/score-parse: titles ignore case, diacritics and punctuation (a title that carries
 * the year also accepts title plus year), episode lists are sets, absolute-only numbering may
 * sit in either field when there is no season, editions are compared as word sets.
 */
final class ExpectedMatcher {
  private static final Set<String> EDITION_FILLER = Set.of("edition", "cut", "version", "edit", "collection", "the");
  private static final Map<String, String> EDITION_SYNONYMS = Map.of("director", "directors",
      "alternate", "alternative", "remaster", "remastered", "restore", "restored", "collectors", "collector");

  private ExpectedMatcher() {}

  /** The expected keys the parse gets wrong; empty when the case passes. */
  static List<String> mismatches(JsonNode expected, ParsedName got) {
    List<String> bad = new ArrayList<>();
    expected.fieldNames().forEachRemaining(key -> {
      if (!matches(key, expected.get(key), got)) {
        bad.add(key + " expected " + expected.get(key) + " got " + describe(key, got));
      }
    });
    return bad;
  }

  private static boolean matches(String key, JsonNode want, ParsedName got) {
    if (want.isNull()) {
      return absent(key, got);
    }
    return switch (key) {
      case "type" -> got.type().name().equalsIgnoreCase(want.asText());
      case "title" -> got.title() != null && (norm(got.title()).equals(norm(want.asText()))
          || got.year() != null && norm(got.title() + " " + got.year()).equals(norm(want.asText())));
      case "episode_title" -> got.episodeTitle() != null && norm(got.episodeTitle()).equals(norm(want.asText()));
      case "year" -> got.year() != null && got.year() == want.asInt();
      case "part" -> got.part() != null && got.part() == want.asInt();
      case "season" -> !got.seasons().isEmpty() && new HashSet<>(got.seasons()).equals(ints(want));
      case "episode" -> set(got.episodes().isEmpty() && got.seasons().isEmpty() ? got.absoluteEpisodes() : got.episodes()).equals(ints(want));
      case "absolute_episode" -> set(got.absoluteEpisodes().isEmpty() && got.seasons().isEmpty() ? got.episodes() : got.absoluteEpisodes()).equals(ints(want));
      case "date" -> got.date() != null && got.date().toString().equals(want.asText().substring(0, 10));
      case "edition" -> editionWords(String.join(" ", got.editions())).equals(editionWords(want.isArray() ? join(want) : want.asText()));
      default -> false;
    };
  }

  private static boolean absent(String key, ParsedName got) {
    return switch (key) {
      case "title" -> got.title() == null || got.title().isEmpty();
      case "year" -> got.year() == null;
      case "season" -> got.seasons().isEmpty();
      case "episode" -> got.episodes().isEmpty();
      case "absolute_episode" -> got.absoluteEpisodes().isEmpty();
      case "episode_title" -> got.episodeTitle() == null;
      case "date" -> got.date() == null;
      case "part" -> got.part() == null;
      case "edition" -> got.editions().isEmpty();
      default -> false;
    };
  }

  private static String describe(String key, ParsedName got) {
    return switch (key) {
      case "type" -> got.type().toString();
      case "title" -> got.title() + (got.year() == null ? "" : " (year " + got.year() + ")");
      case "year" -> String.valueOf(got.year());
      case "season" -> got.seasons().toString();
      case "episode", "absolute_episode" -> got.episodes() + " absolute " + got.absoluteEpisodes();
      case "episode_title" -> String.valueOf(got.episodeTitle());
      case "date" -> String.valueOf(got.date());
      case "part" -> String.valueOf(got.part());
      case "edition" -> got.editions().toString();
      default -> "?";
    };
  }

  static String norm(String s) {
    String d = Normalizer.normalize(s, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT).replace("&", " and ");
    StringBuilder b = new StringBuilder();
    d.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
    return b.toString();
  }

  private static Set<Integer> ints(JsonNode v) {
    Set<Integer> out = new HashSet<>();
    if (v.isArray()) {
      v.forEach(x -> out.add(x.asInt()));
    } else {
      out.add(v.asInt());
    }
    return out;
  }

  private static Set<Integer> set(List<Integer> l) {
    return new HashSet<>(l);
  }

  private static String join(JsonNode arr) {
    List<String> parts = new ArrayList<>();
    arr.forEach(x -> parts.add(x.asText()));
    return String.join(" ", parts);
  }

  private static Set<String> editionWords(String text) {
    String d = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT).replace("'", "");
    Set<String> words = new HashSet<>();
    for (String w : d.split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && !EDITION_FILLER.contains(w)) {
        words.add(EDITION_SYNONYMS.getOrDefault(w, w));
      }
    }
    return words;
  }
}
