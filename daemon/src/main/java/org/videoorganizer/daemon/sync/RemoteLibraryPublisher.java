package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Publishes organized units from a local staging tree to a library on an rclone remote (an SFTP
 * storage box). Each file is uploaded under a hidden temporary name, verified by size and by a
 * hash when the server computes one, moved into place only when the final name is free, and only
 * then removed from staging. Every step is journaled first, so after a crash or a dropped
 * connection {@link #recover()} resumes each unfinished unit (or {@link #undo} puts it back).
 */
public final class RemoteLibraryPublisher implements AutoCloseable {

  final RcdSupervisor rcd;
  final String libraryFs;
  final PublishJournal journal;
  private final Placed placedListener;
  private final Map<Path, FutureTask<Map<String, String>>> hashing = new ConcurrentHashMap<>();
  Hook hook = Hook.NONE;

  /**
   * @param libraryFs the library as an rclone path, {@code storagebox:media}
   * @param journalFile the publish journal under {@code data_dir}
   */
  public RemoteLibraryPublisher(RcdSupervisor rcd, String libraryFs, Path journalFile) throws IOException {
    this(rcd, libraryFs, journalFile, Placed.NONE);
  }

  /** As above, telling {@code placed} of every file placed, with the hashes of its staged copy. */
  public RemoteLibraryPublisher(RcdSupervisor rcd, String libraryFs, Path journalFile, Placed placed) throws IOException {
    this.rcd = rcd;
    this.libraryFs = libraryFs;
    this.journal = new PublishJournal(journalFile);
    this.placedListener = placed;
  }

  /** Told of each file placed and verified, with hashes of its staged copy in {@link #hashTypes}. */
  public interface Placed {
    Placed NONE = (path, size, hashes) -> { };

    void placed(String libraryPath, long size, Map<String, String> hashes);

    /** The types to hash a staged copy in (rclone names, computed by {@link LocalHash}); by default all. */
    default List<String> hashTypes() {
      return LocalHash.TYPES;
    }
  }

  /** Called between steps; tests put a file under the final name between the check and the rename. */
  interface Hook {
    Hook NONE = path -> { };

    void beforeMove(String libraryPath) throws IOException;
  }

  void hook(Hook hook) {
    this.hook = hook;
  }

  /** One file to publish: the staged local file and its path under the library root. */
  public record Item(Path local, String libraryPath) {}

  /**
   * Publishes one unit (a video and its sidecars); safe to call again for the same unit. A disc
   * folder ({@link DiscFolders}) goes first and whole ({@link FolderPublish}), the other files one by one.
   */
  public PublishResult publish(String unit, List<Item> items) throws IOException {
    journal.append("BEGIN", unit);
    List<PublishResult.FileOutcome> outcomes = new ArrayList<>();
    for (Map.Entry<String, List<Item>> disc : DiscFolders.group(items).entrySet()) {
      outcomes.addAll(new FolderPublish(this, unit, disc.getKey(), disc.getValue()).publish());
    }
    for (Item item : items) {
      if (DiscFolders.of(item.libraryPath()).isEmpty()) {
        outcomes.add(publishFile(unit, item));
      }
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
        Optional<String> folder = FolderPublish.temporaryFolderOf(up[1]);
        if (folder.isPresent() && rc.stat(libraryFs, folder.get(), false).isPresent()) {
          rc.purge(libraryFs, folder.get());
        }
        Path local = Path.of(up[2]);
        Optional<RemoteFile> placed = rc.stat(libraryFs, up[0]);
        if (placed.isPresent() && Files.exists(local) && sameBytes(placed.get(), local)) {
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
      startHashing(item.local());
      rc.copyFile(item.local().getParent().toString(), item.local().getFileName().toString(), libraryFs, tmp);
      RemoteFile uploaded = rc.stat(libraryFs, tmp, false).orElseThrow(() ->
          new RcloneProblem(RcloneProblem.Kind.FAILED, tmp + " is not on " + libraryFs + " after upload"));
      if (uploaded.size() != Files.size(item.local())) {
        rc.deleteFile(libraryFs, tmp);
        return outcome(rel, PublishResult.State.FAILED, "upload did not verify (size); discarded");
      }
      return moveIntoPlace(rc, unit, item, tmp);
    } catch (RcloneProblem p) {
      return outcome(rel, PublishResult.State.FAILED, p.getMessage());
    } finally {
      FutureTask<Map<String, String>> unused = hashing.remove(item.local()); // the upload failed or was not placed
      if (unused != null) {
        unused.cancel(true);
      }
    }
  }

  /**
   * Renames the verified temporary to its final name without ever replacing a file there. When
   * the name was taken meanwhile (another program put a file there after our check), the local
   * mover's rule applies: the same bytes count as done and one copy is kept; different bytes are
   * left alone, our temporary is removed, the staging copy kept and the unit goes to review.
   */
  private PublishResult.FileOutcome moveIntoPlace(RcClient rc, String unit, Item item, String tmp) throws IOException {
    if (rc.stat(libraryFs, item.libraryPath(), false).isEmpty()) {
      hook.beforeMove(item.libraryPath());
      rc.moveFileNoClobber(libraryFs, tmp, libraryFs, item.libraryPath());
      if (rc.stat(libraryFs, tmp, false).isEmpty()) {
        return placed(rc, unit, item, "verified");
      }
    }
    return nameTaken(rc, unit, item, tmp);
  }

  private PublishResult.FileOutcome nameTaken(RcClient rc, String unit, Item item, String tmp) throws IOException {
    String rel = item.libraryPath();
    Optional<RemoteFile> there = rc.stat(libraryFs, rel);
    boolean same = there.isPresent() && sameBytes(there.get(), item.local());
    rc.deleteFile(libraryFs, tmp);
    if (same) {
      journal.append("SAME", unit, rel);
      PublishResult.FileOutcome placed = placed(rc, unit, item,
          "the same bytes took this name just before ours was moved there; kept that copy, ours discarded");
      return placed.state() == PublishResult.State.PLACED ? outcome(rel, PublishResult.State.ALREADY_THERE, placed.detail()) : placed;
    }
    journal.append("CONFLICT", unit, rel);
    return outcome(rel, PublishResult.State.CONFLICT, "a different file took this name between the check and the rename; "
        + "nothing overwritten, our upload removed, the staging copy kept");
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
    if (sameBytes(rc.stat(libraryFs, item.libraryPath()).orElse(existing.get()), item.local())) {
      return Optional.of(placed(rc, unit, item, "verified"));
    }
    journal.append("CONFLICT", unit, item.libraryPath());
    return Optional.of(outcome(item.libraryPath(), PublishResult.State.CONFLICT,
        "another file has this name in the library; not overwritten, staging copy kept"));
  }

  /** After a server-side rename the content is the verified temporary's: the size is checked. */
  PublishResult.FileOutcome placed(RcClient rc, String unit, Item item, String detail) throws IOException {
    RemoteFile inPlace = rc.stat(libraryFs, item.libraryPath(), false).orElseThrow(() ->
        new RcloneProblem(RcloneProblem.Kind.FAILED, item.libraryPath() + " vanished after the move"));
    if (inPlace.size() != Files.size(item.local())) {
      return outcome(item.libraryPath(), PublishResult.State.FAILED, "placed file does not verify; staging copy kept");
    }
    journal.append("PLACED", unit, item.libraryPath());
    if (placedListener != Placed.NONE) {
      placedListener.placed(item.libraryPath(), inPlace.size(), stagedHashes(item.local()));
    }
    Files.delete(item.local());
    return outcome(item.libraryPath(), PublishResult.State.PLACED, detail);
  }

  /**
   * Starts hashing a staged copy while rclone uploads it: the upload waits on the network, the
   * hashing on the local disk and a core, so the two overlap instead of adding up.
   */
  private void startHashing(Path local) {
    if (placedListener != Placed.NONE) {
      List<String> types = placedListener.hashTypes();
      FutureTask<Map<String, String>> task = new FutureTask<>(() -> readHashes(local, types));
      hashing.put(local, task);
      Thread.ofVirtual().name("vorg-publish-hash").start(task);
    }
  }

  /** The staged copy's hashes: those started with its upload, else one more local read now. */
  private Map<String, String> stagedHashes(Path local) {
    FutureTask<Map<String, String>> started = hashing.remove(local);
    if (started != null) {
      try {
        return started.get();
      } catch (ExecutionException e) {
        return Map.of();
      } catch (InterruptedException e) {
        started.cancel(true);
        Thread.currentThread().interrupt();
        return Map.of();
      }
    }
    return readHashes(local, placedListener.hashTypes());
  }

  /** None when the copy cannot be read: the next listing of the library finds the file. */
  private static Map<String, String> readHashes(Path local, List<String> types) {
    try {
      return LocalHash.of(local, types);
    } catch (IOException e) {
      return Map.of();
    }
  }

  /**
   * Same size and the same hash, which the server must give (md5sum over SSH on a storage box):
   * as the local mover compares bytes, a file at our name is never taken for ours, nor deleted
   * as ours by undo, on its size alone.
   */
  static boolean sameBytes(RemoteFile remote, Path local) throws IOException {
    Optional<Map.Entry<String, String>> h = LocalHash.checkable(remote);
    return remote.size() == Files.size(local) && h.isPresent()
        && h.get().getValue().equalsIgnoreCase(LocalHash.of(local, h.get().getKey()));
  }

  private void deleteIfThere(RcClient rc, String path) {
    if (rc.stat(libraryFs, path, false).isPresent()) {
      rc.deleteFile(libraryFs, path);
    }
  }

  /** How a publisher's temporary file or folder name starts; nothing else in the library is named so. */
  static final String TEMP_PREFIX = ".vorg-";

  static String tempName(String unit, String rel) {
    int slash = rel.lastIndexOf('/');
    String dir = slash < 0 ? "" : rel.substring(0, slash + 1);
    String name = rel.substring(slash + 1);
    String shortName = name.length() > 60 ? name.substring(0, 60) : name;
    return dir + TEMP_PREFIX + Integer.toHexString(unit.hashCode()) + "-" + shortName + ".part";
  }

  static PublishResult.FileOutcome outcome(String rel, PublishResult.State s, String detail) {
    return new PublishResult.FileOutcome(rel, s, detail);
  }

  @Override
  public void close() throws IOException {
    journal.close();
  }
}
