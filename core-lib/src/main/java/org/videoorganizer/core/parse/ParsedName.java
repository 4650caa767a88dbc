package org.videoorganizer.core.parse;

import java.time.LocalDate;
import java.util.List;

/**
 * What a file name and its folders say about one video. Values the name does not give are null
 * (single values) or empty (lists); a parsed name is never null itself.
 *
 * <p>Field names follow the corpus format of {@code shared/corpora/filenames/README.md}: for
 * episodes {@code title} is the series title. {@code seasons} holds more than one value only for
 * multi-season packs.
 *
 * <p>{@code alternativeTitles} holds the other readings of an ambiguous name, most likely first
 * after {@code title}: "Mission Impossible - Fallout (2018)" reads "Mission Impossible - Fallout"
 * and also "Mission Impossible"; a dual-language name "Шоу / Show" reads both. A matcher should
 * search them all and let the evidence decide. {@code country} is a country qualifier that is
 * part of a show's identity ("The Office US" is title "The Office", country "US").
 */
public record ParsedName(
    MediaType type,
    String title,
    Integer year,
    List<Integer> seasons,
    List<Integer> episodes,
    List<Integer> absoluteEpisodes,
    String episodeTitle,
    LocalDate date,
    Integer part,
    List<String> editions,
    ExtraType extra,
    Long tmdbId,
    String imdbId,
    Long tvdbId,
    String resolution,
    String source,
    String videoCodec,
    String audioCodec,
    String releaseGroup,
    List<String> languages,
    String container,
    SubtitleFacts subtitle,
    List<String> alternativeTitles,
    String country) {

  public ParsedName {
    if (type == null) {
      throw new IllegalArgumentException("type must not be null; use MediaType.UNKNOWN");
    }
    seasons = List.copyOf(seasons == null ? List.of() : seasons);
    episodes = List.copyOf(episodes == null ? List.of() : episodes);
    absoluteEpisodes = List.copyOf(absoluteEpisodes == null ? List.of() : absoluteEpisodes);
    editions = List.copyOf(editions == null ? List.of() : editions);
    languages = List.copyOf(languages == null ? List.of() : languages);
    alternativeTitles = List.copyOf(alternativeTitles == null ? List.of() : alternativeTitles);
  }

  /** The first (usually only) season, or null. */
  public Integer season() {
    return seasons.isEmpty() ? null : seasons.get(0);
  }

  /** A builder starting from nothing known. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this value, to change by copy. */
  public Builder toBuilder() {
    var b = new Builder();
    b.type = type;
    b.title = title;
    b.year = year;
    b.seasons = seasons;
    b.episodes = episodes;
    b.absoluteEpisodes = absoluteEpisodes;
    b.episodeTitle = episodeTitle;
    b.date = date;
    b.part = part;
    b.editions = editions;
    b.extra = extra;
    b.tmdbId = tmdbId;
    b.imdbId = imdbId;
    b.tvdbId = tvdbId;
    b.resolution = resolution;
    b.source = source;
    b.videoCodec = videoCodec;
    b.audioCodec = audioCodec;
    b.releaseGroup = releaseGroup;
    b.languages = languages;
    b.container = container;
    b.subtitle = subtitle;
    b.alternativeTitles = alternativeTitles;
    b.country = country;
    return b;
  }

  /** Mutable builder; not thread-safe. */
  public static final class Builder {
    private MediaType type = MediaType.UNKNOWN;
    private String title;
    private Integer year;
    private List<Integer> seasons = List.of();
    private List<Integer> episodes = List.of();
    private List<Integer> absoluteEpisodes = List.of();
    private String episodeTitle;
    private LocalDate date;
    private Integer part;
    private List<String> editions = List.of();
    private ExtraType extra;
    private Long tmdbId;
    private String imdbId;
    private Long tvdbId;
    private String resolution;
    private String source;
    private String videoCodec;
    private String audioCodec;
    private String releaseGroup;
    private List<String> languages = List.of();
    private String container;
    private SubtitleFacts subtitle;
    private List<String> alternativeTitles = List.of();
    private String country;

    private Builder() {}

    public Builder type(MediaType v) { type = v; return this; }
    public Builder title(String v) { title = v; return this; }
    public Builder year(Integer v) { year = v; return this; }
    public Builder seasons(List<Integer> v) { seasons = v; return this; }
    public Builder episodes(List<Integer> v) { episodes = v; return this; }
    public Builder absoluteEpisodes(List<Integer> v) { absoluteEpisodes = v; return this; }
    public Builder episodeTitle(String v) { episodeTitle = v; return this; }
    public Builder date(LocalDate v) { date = v; return this; }
    public Builder part(Integer v) { part = v; return this; }
    public Builder editions(List<String> v) { editions = v; return this; }
    public Builder extra(ExtraType v) { extra = v; return this; }
    public Builder tmdbId(Long v) { tmdbId = v; return this; }
    public Builder imdbId(String v) { imdbId = v; return this; }
    public Builder tvdbId(Long v) { tvdbId = v; return this; }
    public Builder resolution(String v) { resolution = v; return this; }
    public Builder source(String v) { source = v; return this; }
    public Builder videoCodec(String v) { videoCodec = v; return this; }
    public Builder audioCodec(String v) { audioCodec = v; return this; }
    public Builder releaseGroup(String v) { releaseGroup = v; return this; }
    public Builder languages(List<String> v) { languages = v; return this; }
    public Builder container(String v) { container = v; return this; }
    public Builder subtitle(SubtitleFacts v) { subtitle = v; return this; }
    public Builder alternativeTitles(List<String> v) { alternativeTitles = v; return this; }
    public Builder country(String v) { country = v; return this; }

    public ParsedName build() {
      return new ParsedName(type, title, year, seasons, episodes, absoluteEpisodes, episodeTitle,
          date, part, editions, extra, tmdbId, imdbId, tvdbId, resolution, source, videoCodec,
          audioCodec, releaseGroup, languages, container, subtitle, alternativeTitles, country);
    }
  }
}
