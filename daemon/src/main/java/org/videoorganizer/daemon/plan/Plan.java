package org.videoorganizer.daemon.plan;

import java.nio.file.Path;
import java.util.List;

/** The whole plan of one run: every video found below the source, and every file left out. */
public record Plan(Path source, Path library, List<PlannedUnit> units) {

  public Plan {
    units = List.copyOf(units);
  }
}
