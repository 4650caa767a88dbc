package org.videoorganizer.core.tmdb;

/** One film or show in a search answer. */
public sealed interface SearchHit permits MovieSummary, TvSummary {

  /** The TMDB id. */
  long id();

  /** TMDB's popularity figure, only useful to break ties. */
  double popularity();
}
