package org.videoorganizer.daemon.organize;

import org.videoorganizer.core.naming.MediaIdentity;

/** What an {@link Identifier} concluded about a group: a name, a question for a person, a skip, or a failure. */
public sealed interface Identification {

  /** Why, in words a person reads in the plan. */
  String reason();

  /** Identified well enough to name. */
  record Named(MediaIdentity identity, String reason) implements Identification {}

  /** Not sure enough to name: left in place for a person to decide. */
  record Review(String reason) implements Identification {}

  /** Deliberately not organized (a sample, a partial download). */
  record Skip(String reason) implements Identification {}

  /** Could not be identified because something failed (TMDB down, key rejected): left in place. */
  record Failed(String reason) implements Identification {}
}
