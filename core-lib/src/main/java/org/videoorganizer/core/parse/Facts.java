package org.videoorganizer.core.parse;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What recognizers found in one segment; mutable while a single parse runs, then discarded. */
final class Facts {
  String title;
  Integer year;
  final List<Integer> seasons = new ArrayList<>(2);
  final List<Integer> episodes = new ArrayList<>(2);
  /** Empty (shared, immutable) until the first {@link #addAbsolute}: most names have none. */
  List<Integer> absolute = List.of();
  String episodeTitle;
  LocalDate date;
  Integer part;
  /** Empty (shared, immutable) until the first {@link #addEdition}: most names have none. */
  List<String> editions = List.of();
  /** An extra named by a word in the name ("alien 1979 trailer"), or null. */
  ExtraType extra;
  Long tmdbId;
  String imdbId;
  Long tvdbId;
  String resolution;
  String source;
  String videoCodec;
  String audioCodec;
  String releaseGroup;
  /** Empty (shared, immutable) until the first {@link #addLanguage}. */
  List<String> languages = List.of();
  /** Index of the first and last token that marks season, episode or air date; -1 when none. */
  int firstMarker = -1;
  int lastMarker = -1;
  /** Number of release-fact tokens claimed (resolution, source, codecs, ...). */
  int releaseFacts;
  boolean animeStyle;
  /** The name starts with a scene group tag (grp-title.2016...). */
  boolean scenePrefix;
  /** A numbered bonus (-x02-) of a film: no episode numbers are read after it. */
  boolean bonus;
  /** The title came after a leading episode number ("03 - Title", "2x05 - Show - Title"). */
  boolean titleAfterMarker;
  /** The title run read on through spaced dashes ("Tensura Nikki - Tensei Shitara ..."), or null. */
  String titleThroughDashes;
  /** Something follows the air date (an episode title, a time, release words) or " - " leads to it. */
  boolean dateInShowStructure;
  /** Another reading of the title ("A" for "A - B", the other half of "A / B"), or null. */
  String alternativeTitle;
  /** A country qualifier after a show's name ("The Office US"), or null. */
  String country;
  /** The year comes right after a month name ("Vacation Hawaii July 2015"): a dated video. */
  boolean monthYear;
  /** A special of a show: "Show 2013 Christmas Special". */
  boolean special;

  boolean hasEpisodeInfo() {
    return !seasons.isEmpty() || !episodes.isEmpty() || !absolute.isEmpty() || date != null;
  }

  void marker(int index) {
    firstMarker = firstMarker < 0 ? index : Math.min(firstMarker, index);
    lastMarker = Math.max(lastMarker, index);
  }

  void addSeason(int s) {
    if (!seasons.contains(s)) {
      seasons.add(s);
    }
  }

  void addEpisode(int e) {
    if (!episodes.contains(e)) {
      episodes.add(e);
    }
  }

  void addEpisodeRange(int from, int to) {
    if (to < from || to - from > 200) {
      addEpisode(to);
      return;
    }
    for (int e = from; e <= to; e++) {
      addEpisode(e);
    }
  }

  void addSeasonRange(int from, int to) {
    if (to < from || to - from > 50) {
      addSeason(to);
      return;
    }
    for (int s = from; s <= to; s++) {
      addSeason(s);
    }
  }

  void addAbsolute(int a) {
    if (!absolute.contains(a)) {
      absolute = absolute.isEmpty() ? new ArrayList<>(2) : absolute;
      absolute.add(a);
    }
  }

  void addEdition(String e) {
    if (!editions.contains(e)) {
      editions = editions.isEmpty() ? new ArrayList<>(2) : editions;
      editions.add(e);
    }
  }

  void addLanguage(String l) {
    if (!languages.contains(l)) {
      languages = languages.isEmpty() ? new ArrayList<>(2) : languages;
      languages.add(l);
    }
  }
}
