package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.videoorganizer.daemon.plan.OrganizePlanner;
import org.videoorganizer.daemon.plan.Plan;
import org.videoorganizer.daemon.plan.PlannedUnit;

/**
 * One organizing run: recover unfinished runs, plan, carry out unit by unit with a journal,
 * and count. The plan can be shown first ({@code --dry-run} stops there).
 */
public final class Organizer {

  /** Told about each unit as it is done, for output and progress. */
  @FunctionalInterface
  public interface Listener {
    void unitDone(PlannedUnit unit, List<FileResult> results, int index, int total);
  }

  /** Every this many units the mover forces folders and journal to disk. */
  static final int FLUSH_EVERY = 500;

  private final OrganizePlanner planner;
  private final MoverHook hook;
  private final Clock clock;

  public Organizer(OrganizePlanner planner, MoverHook hook, Clock clock) {
    this.planner = planner;
    this.hook = hook;
    this.clock = clock;
  }

  /** The plan for a run; changes nothing. */
  public Plan plan(Path source, Path library) throws IOException {
    return planner.plan(source, library);
  }

  /**
   * Carries out a plan and returns the counts and the journal written.
   *
   * @throws IllegalStateException when another run holds the library's lock
   */
  public Summary execute(Plan plan, TransferMode mode, Listener listener) throws IOException {
    try (LibraryLock lock = LibraryLock.take(plan.library())) {
      return executeLocked(plan, mode, listener);
    }
  }

  private Summary executeLocked(Plan plan, TransferMode mode, Listener listener) throws IOException {
    JournalRecovery.recover(plan.library());
    var counts = new Summary.Counter();
    if (plan.units().stream().noneMatch(u -> u.action() == PlannedUnit.Action.ORGANIZE)) {
      for (int i = 0; i < plan.units().size(); i++) { // nothing to change: no journal either
        PlannedUnit unit = plan.units().get(i);
        List<FileResult> results = new SafeMover(plan.source(), null, hook).carryOut(unit, mode);
        results.forEach(counts::add);
        listener.unitDone(unit, results, i + 1, plan.units().size());
      }
      return counts.summary(null);
    }
    try (Journal journal = Journal.create(plan.library(), plan.source(), mode, clock)) {
      var mover = new SafeMover(plan.source(), journal, hook);
      var movedFrom = new java.util.ArrayList<Path>();
      int total = plan.units().size();
      for (int i = 0; i < total; i++) {
        PlannedUnit unit = plan.units().get(i);
        List<FileResult> results = mover.carryOut(unit, mode);
        results.forEach(counts::add);
        if (mode == TransferMode.MOVE) { // the folders of sources that left, for EmptiedFolders
          results.stream().filter(r -> r.source() != null && !java.nio.file.Files.exists(r.source(),
              java.nio.file.LinkOption.NOFOLLOW_LINKS)).forEach(r -> movedFrom.add(r.source()));
        }
        listener.unitDone(unit, results, i + 1, total);
        if ((i + 1) % FLUSH_EVERY == 0) {
          mover.flush();
        }
      }
      mover.flush();
      EmptiedFolders.remove(plan.source(), movedFrom);
      Summary summary = counts.summary(journal.file());
      journal.write(Journal.entry("end").with("summary", summary.toString()));
      return summary;
    }
  }
}
