package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.videoorganizer.daemon.store.SyncStore;
import org.videoorganizer.daemon.sync.PublishResult.FileOutcome;
import org.videoorganizer.daemon.sync.PublishResult.State;
import org.videoorganizer.daemon.sync.RemoteLibraryPublisher.Item;

/**
 * One disc folder ({@code VIDEO_TS/}, {@code BDMV/}) published as one unit: every file is uploaded
 * into a hidden temporary folder beside its final place ({@code .vorg-<unit>-VIDEO_TS.part/}) and
 * verified as a single file is (rclone's size and MD5 check, the size again), then the folder is
 * renamed into place in one server-side move that never replaces a file; only then do the staged
 * copies go. A folder of that name already in the library is settled by the local mover's rule:
 * the same files with the same bytes count as published (one copy kept), anything else is a
 * conflict, nothing is overwritten and the staged copies stay for review. Journaled like single
 * files ({@code UPLOAD} lines with the temporary inside the folder), so recovery and undo work alike.
 */
final class FolderPublish {

  private final RemoteLibraryPublisher p;
  private final String unit;
  private final String folder;
  private final List<Item> items;

  FolderPublish(RemoteLibraryPublisher publisher, String unit, String folder, List<Item> items) {
    this.p = publisher;
    this.unit = unit;
    this.folder = folder;
    this.items = List.copyOf(items);
  }

  List<FileOutcome> publish() throws IOException {
    try {
      RcClient rc = p.rcd.client();
      if (rc.stat(p.libraryFs, folder, false).isPresent()) {
        return alreadyThere(rc, false);
      }
      String tmpDir = RemoteLibraryPublisher.tempName(unit, folder);
      purgeIfThere(rc, tmpDir);
      Optional<String> failed = upload(rc, tmpDir);
      if (failed.isPresent()) {
        purgeIfThere(rc, tmpDir);
        return all(State.FAILED, failed.get() + "; the folder's upload was discarded, the staged copies kept");
      }
      p.hook.beforeMove(folder);
      rc.moveFolderNoClobber(SyncStore.remotePath(p.libraryFs, tmpDir), SyncStore.remotePath(p.libraryFs, folder));
      if (rc.stat(p.libraryFs, tmpDir, false).isPresent()) { // the name was taken after the check
        purgeIfThere(rc, tmpDir);
        return alreadyThere(rc, true);
      }
      List<FileOutcome> out = new ArrayList<>();
      for (Item item : items) {
        out.add(p.placed(rc, unit, item, "verified; moved into place with its disc folder " + folder));
      }
      return out;
    } catch (RcloneProblem e) {
      return all(State.FAILED, e.getMessage());
    }
  }

  /**
   * Uploads every file into the temporary folder; why one failed, if one did. Every file is in the
   * journal before the first upload starts: a crash in the middle must resume the whole disc, not
   * the files begun so far (which would place half a disc).
   */
  private Optional<String> upload(RcClient rc, String tmpDir) throws IOException {
    for (Item item : items) {
      p.journal.append("UPLOAD", unit, item.libraryPath(), tmpDir + item.libraryPath().substring(folder.length()),
          item.local().toAbsolutePath().toString());
    }
    for (Item item : items) {
      String tmp = tmpDir + item.libraryPath().substring(folder.length());
      if (!Files.exists(item.local())) {
        return Optional.of("staging copy " + item.local() + " is missing");
      }
      rc.copyFile(item.local().getParent().toString(), item.local().getFileName().toString(), p.libraryFs, tmp);
      Optional<RemoteFile> uploaded = rc.stat(p.libraryFs, tmp, false);
      if (uploaded.isEmpty() || uploaded.get().size() != Files.size(item.local())) {
        return Optional.of(item.libraryPath() + ": upload did not verify (size)");
      }
    }
    return Optional.empty();
  }

  /**
   * A folder of this name is in the library: ours when every file is there with our bytes (placed
   * by an earlier run that crashed, or, {@code raced}, put there by another in the same moment),
   * else a conflict of the whole folder.
   */
  private List<FileOutcome> alreadyThere(RcClient rc, boolean raced) throws IOException {
    for (Item item : items) {
      Optional<RemoteFile> there = rc.stat(p.libraryFs, item.libraryPath());
      boolean ours = Files.exists(item.local())
          ? there.isPresent() && RemoteLibraryPublisher.sameBytes(there.get(), item.local())
          : there.isPresent();
      if (!ours) {
        for (Item i : items) {
          p.journal.append("CONFLICT", unit, i.libraryPath());
        }
        return all(State.CONFLICT, "a disc folder " + folder + " with other content is already in the library"
            + (raced ? " (it appeared between the check and the rename)" : "") + "; nothing overwritten, the staged copies kept");
      }
    }
    List<FileOutcome> out = new ArrayList<>();
    for (Item item : items) {
      if (!Files.exists(item.local())) {
        out.add(RemoteLibraryPublisher.outcome(item.libraryPath(), State.PLACED, "placed before"));
      } else if (raced) {
        p.journal.append("SAME", unit, item.libraryPath());
        FileOutcome placed = p.placed(rc, unit, item, "the same bytes took this name just before our folder was moved there; "
            + "kept that copy, ours discarded");
        out.add(placed.state() == State.PLACED ? RemoteLibraryPublisher.outcome(item.libraryPath(), State.ALREADY_THERE,
            placed.detail()) : placed);
      } else {
        out.add(p.placed(rc, unit, item, "same bytes were already in the library"));
      }
    }
    return out;
  }

  private List<FileOutcome> all(State state, String detail) {
    return items.stream().map(i -> RemoteLibraryPublisher.outcome(i.libraryPath(), state, detail)).toList();
  }

  private void purgeIfThere(RcClient rc, String dir) {
    if (rc.stat(p.libraryFs, dir, false).isPresent()) {
      rc.purge(p.libraryFs, dir);
    }
  }

  /** The temporary folder a journaled temporary lies in ({@code .../.vorg-1a2b-VIDEO_TS.part}), if any. */
  static Optional<String> temporaryFolderOf(String tmp) {
    String[] parts = tmp.split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      if (parts[i].startsWith(RemoteLibraryPublisher.TEMP_PREFIX)) {
        return Optional.of(String.join("/", java.util.Arrays.copyOfRange(parts, 0, i + 1)));
      }
    }
    return Optional.empty();
  }
}
