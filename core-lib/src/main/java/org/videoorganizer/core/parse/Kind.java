package org.videoorganizer.core.parse;

/** The role a recognizer gave a token. {@code null} on a token means "not claimed yet". */
enum Kind {
  SEASON,
  EPISODE,
  ABSOLUTE,
  DATE,
  YEAR,
  RESOLUTION,
  SOURCE,
  VIDEO_CODEC,
  AUDIO,
  LANGUAGE,
  EDITION,
  OTHER,
  PART,
  PROVIDER_ID,
  WEBSITE,
  GROUP,
  EXTRA,
  COUNTRY,
  BONUS,
  CRC;

  /** Kinds that end a title but carry no story information (release facts). */
  boolean isReleaseFact() {
    return switch (this) {
      case RESOLUTION, SOURCE, VIDEO_CODEC, AUDIO, LANGUAGE, EDITION, OTHER, CRC -> true;
      default -> false;
    };
  }
}
