package org.videoorganizer.daemon.organize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.videoorganizer.daemon.organize.FileResult.Outcome;
import org.videoorganizer.daemon.organize.MoverHook.Step;
import org.videoorganizer.daemon.plan.PlannedFile;
import org.videoorganizer.daemon.plan.PlannedNfo;
import org.videoorganizer.daemon.plan.PlannedUnit;

/**
 * Carries out planned units without ever losing a file (docs/reference/reliability.md §1.7):
 * same filesystem, a hard link publishes the source under its library name; across filesystems
 * a dot-named temporary copy in the target folder is forced to disk, checked (size, CRC-32C,
 * source unchanged) and published with a link that refuses to overwrite. Only then is a moved
 * source renamed into the trash on its own filesystem. An existing target is never replaced:
 * the same bytes count as done, different bytes are skipped with the reason. Every step is in
 * the journal before it happens. NFO files planned for the unit are written after its files
 * ({@link NfoPublisher}). Not thread-safe: one mover per run.
 */
public final class SafeMover {

  private final Journal journal;
  private final Trash trash;
  private final MoverHook hook;
  private final DirSync dirs = new DirSync();
  private final NfoPublisher nfos;
  private final java.util.Map<Path, Object> devices = new java.util.HashMap<>();
  private int temps;

  /**
   * @param sourceRoot the root retired sources are filed under in the trash
   * @param journal the run's journal (null only when no unit is to be organized)
   * @param hook called between steps; {@link MoverHook#NONE} outside tests
   */
  public SafeMover(Path sourceRoot, Journal journal, MoverHook hook) {
    this.journal = journal;
    this.trash = new Trash(sourceRoot, journal == null ? "none" : journal.runId());
    this.hook = hook;
    this.nfos = journal == null ? null : new NfoPublisher(journal, dirs);
  }

  /**
   * Carries out one unit: the video first; its sidecars only when the video reached the library.
   * When moving, sources are retired only after every file of the unit is published, sidecars
   * before the video: a crash at any point leaves the video in the source while any of its
   * files is still there, so the next run finds the whole unit again.
   */
  public List<FileResult> carryOut(PlannedUnit unit, TransferMode mode) {
    var results = new ArrayList<FileResult>();
    if (unit.action() != PlannedUnit.Action.ORGANIZE) {
      Outcome o = switch (unit.action()) {
        case REVIEW -> Outcome.REVIEW;
        case FAIL -> Outcome.FAILED;
        default -> Outcome.SKIPPED;
      };
      unit.files().forEach(f -> results.add(new FileResult(f.source(), null, o, unit.reason(), 0)));
      return results;
    }
    FileResult video = transfer(unit.id(), unit.video(), mode);
    results.add(video);
    boolean arrived = published(video);
    for (PlannedFile f : unit.files().subList(1, unit.files().size())) {
      if (f.target() == null) {
        results.add(new FileResult(f.source(), null, Outcome.SKIPPED, f.note(), 0));
      } else {
        results.add(arrived ? transfer(unit.id(), f, mode)
            : new FileResult(f.source(), f.target(), Outcome.SKIPPED, "its video was not organized", 0));
      }
    }
    for (PlannedNfo n : unit.nfos()) { // before any source is retired: a rerun finds the unit again
      results.add(arrived ? nfos.write(unit.id(), n)
          : new FileResult(null, n.target(), Outcome.SKIPPED, "its video was not organized", 0));
    }
    if (mode == TransferMode.MOVE) {
      for (int i = results.size() - 1; i >= 0; i--) {
        if (published(results.get(i))) {
          results.set(i, retire(unit.id(), results.get(i)));
        }
      }
    }
    return results;
  }

  // Device numbers of folders seen in this run: two stat calls fewer per file.
  private Object device(Path dir) throws IOException {
    Object dev = devices.get(dir);
    if (dev == null) {
      dev = FileState.device(dir);
      devices.put(dir, dev);
    }
    return dev;
  }

  private static boolean published(FileResult r) {
    return r.outcome() == Outcome.MOVED || r.outcome() == Outcome.ALREADY_THERE
        || r.outcome() == Outcome.COPIED || r.outcome() == Outcome.LINKED;
  }

  /** Forces changed folders and the journal to disk; call every few hundred units and at the end. */
  public void flush() throws IOException {
    dirs.flush();
    journal.sync();
  }

  private FileResult transfer(int unit, PlannedFile f, TransferMode mode) {
    Path source = f.source();
    Path target = Objects.requireNonNull(f.target(), "an organized file needs a target");
    try {
      FileState before = FileState.of(source);
      for (Path d : dirs.ensure(target.getParent())) {
        journal.write(Journal.entry("mkdir").with("unit", unit).with("dir", d));
      }
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        return existing(unit, f, mode, before);
      }
      boolean sameFs = device(source.getParent()).equals(device(target.getParent()));
      return switch (mode) {
        case HARDLINK -> sameFs ? link(unit, f, mode, before)
            : failed(f, "a hard link cannot cross filesystems (source and library are on different ones); use --copy or --move");
        case MOVE -> sameFs ? link(unit, f, mode, before) : copy(unit, f, mode, before);
        case COPY -> copy(unit, f, mode, before);
      };
    } catch (NoSuchFileException e) {
      return failed(f, "vanished while organizing: " + e.getFile());
    } catch (IOException | UncheckedIOException e) {
      return failed(f, describe(e));
    }
  }

  private FileResult link(int unit, PlannedFile f, TransferMode mode, FileState before) throws IOException {
    journal.write(Journal.entry("link-begin").with("unit", unit).with("mode", mode.name())
        .with("source", f.source()).with("target", f.target()).with("size", before.size()));
    hook.at(Step.BEFORE_LINK, f.source());
    try {
      Files.createLink(f.target(), f.source());
    } catch (FileAlreadyExistsException raced) {
      return existing(unit, f, mode, before);
    } catch (IOException e) {
      String why = mode == TransferMode.HARDLINK ? "cannot make the hard link: " : "cannot link into the library: ";
      return failed(f, why + describe(e));
    }
    dirs.touched(f.target().getParent());
    journal.write(Journal.entry("published").with("unit", unit).with("how", "link")
        .with("source", f.source()).with("target", f.target()).with("size", before.size()));
    hook.at(Step.AFTER_PUBLISH, f.source());
    return done(f, mode, Outcome.LINKED, before.size());
  }

  private FileResult copy(int unit, PlannedFile f, TransferMode mode, FileState before) throws IOException {
    Path temp = f.target().resolveSibling(".vorg-" + journal.runId() + "-" + (++temps) + ".tmp");
    journal.write(Journal.entry("copy-begin").with("unit", unit).with("mode", mode.name())
        .with("source", f.source()).with("target", f.target()).with("temp", temp).with("size", before.size()));
    hook.at(Step.BEFORE_COPY, f.source());
    try {
      FileBytes.Checked checked = FileBytes.copy(f.source(), temp, () -> step(Step.MID_COPY, f.source()));
      FileBytes.Copied copied = checked.source();
      hook.at(Step.AFTER_COPY, f.source());
      String bad = check(f.source(), temp, before, checked);
      if (bad != null) {
        Files.deleteIfExists(temp);
        return failed(f, bad);
      }
      hook.at(Step.AFTER_VERIFY, f.source());
      if (!publish(temp, f.target())) {
        Files.deleteIfExists(temp);
        return existing(unit, f, mode, before);
      }
      hook.at(Step.AFTER_LINK_TEMP, f.source());
      Files.delete(temp);
      DirSync.force(f.target().getParent());
      journal.write(Journal.entry("published").with("unit", unit).with("how", "copy").with("source", f.source())
          .with("target", f.target()).with("size", copied.size()).with("crc32c", Long.toHexString(copied.crc())));
      journal.sync();
      hook.at(Step.AFTER_PUBLISH, f.source());
      return done(f, mode, Outcome.COPIED, copied.size());
    } catch (IOException | UncheckedIOException e) {
      deleteQuietly(temp);
      throw e;
    }
  }

  // Why a finished copy must not be published, or null when it may.
  // The bytes were compared during the copy; the copy's state since then shows a later change.
  private static String check(Path source, Path temp, FileState before, FileBytes.Checked checked) throws IOException {
    FileState after = FileState.of(source);
    if (!after.equals(before) || checked.source().size() != before.size()) {
      return "the source changed during the copy (size " + before.size() + " -> " + after.size()
          + "); left in place, run again when it is stable";
    }
    if (!checked.same() || !FileState.of(temp).equals(checked.copyState())) {
      return "the copy does not match the source (size or CRC-32C differ); nothing published";
    }
    return null;
  }

  // Links temp to target, refusing to overwrite; false when the target appeared meanwhile.
  private static boolean publish(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  private FileResult existing(int unit, PlannedFile f, TransferMode mode, FileState before) throws IOException {
    if (!Files.isRegularFile(f.target(), LinkOption.NOFOLLOW_LINKS)) {
      journal.write(Journal.entry("skipped").with("unit", unit).with("source", f.source()).with("target", f.target()));
      return new FileResult(f.source(), f.target(), Outcome.SKIPPED,
          "something that is not a regular file (a link, a folder) is at the target; nothing changed", 0);
    }
    boolean same = Files.isSameFile(f.source(), f.target())
        || (Files.size(f.target()) == before.size() && FileBytes.sameBytes(f.source(), f.target()));
    if (!same) {
      journal.write(Journal.entry("skipped").with("unit", unit).with("source", f.source()).with("target", f.target()));
      return new FileResult(f.source(), f.target(), Outcome.SKIPPED,
          "a different file is already at the target; nothing overwritten (compare them and remove one)", 0);
    }
    journal.write(Journal.entry("published").with("unit", unit).with("how", "existing")
        .with("source", f.source()).with("target", f.target()).with("size", before.size()));
    return done(f, mode, Outcome.ALREADY_THERE, 0);
  }

  private static FileResult done(PlannedFile f, TransferMode mode, Outcome outcome, long bytes) {
    Outcome o = mode == TransferMode.MOVE && outcome != Outcome.ALREADY_THERE ? Outcome.MOVED : outcome;
    String note = outcome == Outcome.ALREADY_THERE ? "same bytes were already at the target" : null;
    return new FileResult(f.source(), f.target(), o, note, bytes);
  }

  private FileResult retire(int unit, FileResult r) {
    try {
      journal.write(Journal.entry("retire-begin").with("unit", unit).with("source", r.source())
          .with("trash", trash.pathFor(r.source())));
      hook.at(Step.BEFORE_RETIRE, r.source());
      Path trashed = trash.retire(r.source(), dirs);
      journal.write(Journal.entry("retired").with("unit", unit).with("source", r.source()).with("trash", trashed));
      hook.at(Step.AFTER_RETIRE, r.source());
      String note = r.outcome() == Outcome.ALREADY_THERE ? "same bytes were already at the target; source retired" : null;
      return new FileResult(r.source(), r.target(), r.outcome(), note, r.bytes());
    } catch (IOException e) {
      return new FileResult(r.source(), r.target(), Outcome.FAILED,
          "in the library, but the source could not be retired to the trash: " + describe(e), r.bytes());
    }
  }

  private void step(Step step, Path source) {
    try {
      hook.at(step, source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FileResult failed(PlannedFile f, String reason) {
    try {
      journal.write(Journal.entry("failed").with("source", f.source()).with("target", f.target()).with("reason", reason));
    } catch (IOException e) {
      reason = reason + "; the journal could not record it either: " + describe(e);
    }
    return new FileResult(f.source(), f.target(), Outcome.FAILED, reason, 0);
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a leftover temporary name is removed by the next run's recovery
    }
  }

  static String describe(Exception e) {
    Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
    if (t instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason() + " (" + fse.getFile() + ")";
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
