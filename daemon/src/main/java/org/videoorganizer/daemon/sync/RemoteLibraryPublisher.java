package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes organized units from a local staging tree to a library on an rclone remote (an SFTP
 * storage box). Each file is uploaded under a hidden temporary name, verified by size and by a
 * hash when the server computes one, moved into place only when the final name is free, and only
 * then removed from staging. Every step is journaled first, so after a crash or a dropped
 * connection {@link #recover()} resumes each unfinished unit (or {@link #undo} puts it back).
 */
public final class RemoteLibraryPublisher implements AutoCloseable {

  private final RcdSupervisor rcd;
  private final String libraryFs;
  private final PublishJournal journal;

  /**
   * @param libraryFs the library as an rclone path, {@code storagebox:media}
   * @param journalFile the publish journal under {@code data_dir}
   */
  public RemoteLibraryPublisher(RcdSupervisor rcd, String libraryFs, Path journalFile) throws IOException {
    this.rcd = rcd;
    this.libraryFs = libraryFs;
    this.journal = new PublishJournal(journalFile);
  }

  /** One file to publish: the staged local file and its path under the library root. */
  public record Item(Path local, String libraryPath) {}

  /** Publishes one unit (a video and its sidecars); safe to call again for the same unit. */
  public PublishResult publish(String unit, List<Item> items) throws IOException {
    journal.append("BEGIN", unit);
    List<PublishResult.FileOutcome> outcomes = new ArrayList<>();
    for (Item item : items) {
      outcomes.add(publishFile(unit, item));
    }
    if (outcomes.stream().noneMatch(o -> o.state() == PublishResult.State.FAILED)) {
      journal.append("DONE", unit);
    }
    return new PublishResult(unit, outcomes);
  }

  /** Resumes every unit the journal shows unfinished (after a crash or a dropped connection). */
  public List<PublishResult> recover() throws IOException {
    List<PublishResult> results = new ArrayList<>();
    for (PublishJournal.Unfinished u : journal.unfinished()) {
      List<Item> items = new ArrayList<>();
      for (String[] up : u.uploads()) {
        items.add(new Item(Path.of(up[2]), up[0]));
      }
      results.add(publish(u.unit(), items));
    }
    return results;
  }

  /**
   * Puts an unfinished unit back: temporaries are deleted, and files already placed are removed
   * from the library only where their staging copy is still there and identical.
   */
  public void undo(String unit) throws IOException {
    for (PublishJournal.Unfinished u : journal.unfinished()) {
      if (!u.unit().equals(unit)) {
        continue;
      }
      RcClient rc = rcd.client();
      for (String[] up : u.uploads()) {
        deleteIfThere(rc, up[1]);
        Path local = Path.of(up[2]);
        Optional<RemoteFile> placed = rc.stat(libraryFs, up[0]);
        if (placed.isPresent() && Files.exists(local) && matches(placed.get(), local)) {
          rc.deleteFile(libraryFs, up[0]);
        }
      }
      journal.append("UNDONE", unit);
    }
  }

  private PublishResult.FileOutcome publishFile(String unit, Item item) throws IOException {
    String rel = item.libraryPath();
    try {
      RcClient rc = rcd.client();
      Optional<PublishResult.FileOutcome> settled = alreadySettled(rc, unit, item);
      if (settled.isPresent()) {
        return settled.get();
      }
      String tmp = tempName(unit, rel);
      journal.append("UPLOAD", unit, rel, tmp, item.local().toAbsolutePath().toString());
      deleteIfThere(rc, tmp);
      // rclone's copyfile checks the size and, where the server computes one (md5sum over SSH on a
      // storage box), the hash of the upload against the local file's, and fails on a difference;
      // asking the server for the hash a second time cost a third of the throughput (docs/cloud.md).
      rc.copyFile(item.local().getParent().toString(), item.local().getFileName().toString(), libraryFs, tmp);
      RemoteFile uploaded = rc.stat(libraryFs, tmp, false).orElseThrow(() ->
          new RcloneProblem(RcloneProblem.Kind.FAILED, tmp + " is not on " + libraryFs + " after upload"));
      if (uploaded.size() != Files.size(item.local())) {
        rc.deleteFile(libraryFs, tmp);
        return outcome(rel, PublishResult.State.FAILED, "upload did not verify (size); discarded");
      }
      if (rc.stat(libraryFs, rel, false).isPresent()) {
        rc.deleteFile(libraryFs, tmp);
        journal.append("CONFLICT", unit, rel);
        return outcome(rel, PublishResult.State.CONFLICT, "a file appeared under the final name; not overwritten");
      }
      rc.moveFile(libraryFs, tmp, libraryFs, rel);
      return placed(rc, unit, item);
    } catch (RcloneProblem p) {
      return outcome(rel, PublishResult.State.FAILED, p.getMessage());
    }
  }

  /** The file is already where it belongs (a resumed unit), or its name is taken by another. */
  private Optional<PublishResult.FileOutcome> alreadySettled(RcClient rc, String unit, Item item) throws IOException {
    Optional<RemoteFile> existing = rc.stat(libraryFs, item.libraryPath(), false);
    if (!Files.exists(item.local())) {
      return Optional.of(existing.isPresent()
          ? outcome(item.libraryPath(), PublishResult.State.PLACED, "placed before")
          : outcome(item.libraryPath(), PublishResult.State.FAILED, "staging copy " + item.local() + " is missing"));
    }
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    if (matches(rc.stat(libraryFs, item.libraryPath()).orElse(existing.get()), item.local())) {
      return Optional.of(placed(rc, unit, item));
    }
    journal.append("CONFLICT", unit, item.libraryPath());
    return Optional.of(outcome(item.libraryPath(), PublishResult.State.CONFLICT,
        "another file has this name in the library; not overwritten, staging copy kept"));
  }

  /** After a server-side rename the content is the verified temporary's: the size is checked. */
  private PublishResult.FileOutcome placed(RcClient rc, String unit, Item item) throws IOException {
    RemoteFile inPlace = rc.stat(libraryFs, item.libraryPath(), false).orElseThrow(() ->
        new RcloneProblem(RcloneProblem.Kind.FAILED, item.libraryPath() + " vanished after the move"));
    if (inPlace.size() != Files.size(item.local())) {
      return outcome(item.libraryPath(), PublishResult.State.FAILED, "placed file does not verify; staging copy kept");
    }
    journal.append("PLACED", unit, item.libraryPath());
    Files.delete(item.local());
    return outcome(item.libraryPath(), PublishResult.State.PLACED, "verified");
  }

  /** Same size, and the same hash when the server gives one the JDK computes. */
  static boolean matches(RemoteFile remote, Path local) throws IOException {
    if (remote.size() != Files.size(local)) {
      return false;
    }
    Optional<Map.Entry<String, String>> h = LocalHash.checkable(remote);
    return h.isEmpty() || h.get().getValue().equalsIgnoreCase(LocalHash.of(local, h.get().getKey()));
  }

  private void deleteIfThere(RcClient rc, String path) {
    if (rc.stat(libraryFs, path, false).isPresent()) {
      rc.deleteFile(libraryFs, path);
    }
  }

  static String tempName(String unit, String rel) {
    int slash = rel.lastIndexOf('/');
    String dir = slash < 0 ? "" : rel.substring(0, slash + 1);
    String name = rel.substring(slash + 1);
    String shortName = name.length() > 60 ? name.substring(0, 60) : name;
    return dir + ".vorg-" + Integer.toHexString(unit.hashCode()) + "-" + shortName + ".part";
  }

  private static PublishResult.FileOutcome outcome(String rel, PublishResult.State s, String detail) {
    return new PublishResult.FileOutcome(rel, s, detail);
  }

  @Override
  public void close() throws IOException {
    journal.close();
  }
}
