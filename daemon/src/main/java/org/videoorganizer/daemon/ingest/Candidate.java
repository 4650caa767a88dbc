package org.videoorganizer.daemon.ingest;

/**
 * What a scan found at a path below a source.
 *
 * @param relPath the path below the source as Java sees it (lossy for invalid UTF-8)
 * @param display the same with control characters escaped, safe for logs and pages
 * @param problem empty for an importable video; else why it can never be imported as it is
 */
record Candidate(String relPath, String display, long size, long mtimeMs, String problem) {

  boolean importable() {
    return problem.isEmpty();
  }
}
