package org.videoorganizer.core.tmdb;

/** The external id kinds {@code /find} accepts that matter for video files. */
public enum ExternalSource {
  IMDB("imdb_id"),
  TVDB("tvdb_id"),
  WIKIDATA("wikidata_id");

  private final String parameter;

  ExternalSource(String parameter) {
    this.parameter = parameter;
  }

  /** The value of the {@code external_source} parameter. */
  public String parameter() {
    return parameter;
  }
}
