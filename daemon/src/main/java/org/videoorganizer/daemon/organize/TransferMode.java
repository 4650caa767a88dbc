package org.videoorganizer.daemon.organize;

/** How a file reaches the library. */
public enum TransferMode {
  /** The library gets the file; the source is retired into a trash folder on its own filesystem. */
  MOVE,
  /** The library gets a verified copy; the source stays. */
  COPY,
  /** The library gets a hard link to the source; a link that cannot be made is a failure, never a copy. */
  HARDLINK
}
