package org.videoorganizer.daemon.sync;

import java.nio.file.Path;
import java.util.List;

/**
 * What one run of a remote source did: files downloaded into staging, files skipped because the
 * library has them, files still settling, files that failed with why, and files not tried because
 * the remote refused the credentials on an earlier file of the run (they wait for the next run).
 * {@code alreadyInLibrary} names the first {@link #NAMED} of the files skipped as known.
 */
public record SourceRun(
    String source, List<Staged> downloaded, int skippedKnown, List<String> alreadyInLibrary, int skippedStaged,
    int settling, List<Failure> failures, int notTried) {

  /** How many skipped files a run names. */
  static final int NAMED = 10;

  public SourceRun {
    downloaded = List.copyOf(downloaded);
    alreadyInLibrary = List.copyOf(alreadyInLibrary);
    failures = List.copyOf(failures);
  }

  /** A verified download: where it is in staging and what the remote said about it. */
  public record Staged(RemoteFile origin, Path path) {}

  /** A file that could not be brought over this run; it is tried again next run. */
  public record Failure(String path, RcloneProblem.Kind kind, String message) {}
}
