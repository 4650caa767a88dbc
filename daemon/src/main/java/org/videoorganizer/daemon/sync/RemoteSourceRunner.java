package org.videoorganizer.daemon.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One run of a remote source: list with hashes, skip what the library has before downloading
 * anything, wait for files still being uploaded, download into staging under a temporary name,
 * verify size and hash, check the remote did not change meanwhile, then rename into place.
 * A failed file leaves nothing in staging and is tried again on the next run.
 */
public final class RemoteSourceRunner {

  static final String PARTIAL = ".vorg-partial";

  private final RcdSupervisor rcd;
  private final Path stagingRoot;
  private final KnownHashes known;
  private final SyncLedger ledger;
  private final Clock clock;

  public RemoteSourceRunner(RcdSupervisor rcd, Path stagingRoot, KnownHashes known, SyncLedger ledger, Clock clock) {
    this.rcd = rcd;
    this.stagingRoot = stagingRoot;
    this.known = known;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Runs the source once; a problem with the whole remote (not configured, auth) throws. */
  public SourceRun run(RemoteSource source) {
    List<String> hashType = hashToList(source);
    List<RemoteFile> listing = rcd.client().listWithHashes(source.remote(), "", hashType);
    Set<KnownHashes.Key> knownNow = hashType.isEmpty() ? Set.of() : known.knownAmong(hashType.getFirst(), keys(listing, hashType));
    List<SourceRun.Staged> downloaded = new ArrayList<>();
    List<SourceRun.Failure> failures = new ArrayList<>();
    List<RemoteFile> skipped = new ArrayList<>();
    int skippedStaged = 0, settling = 0, notTried = 0;
    for (RemoteFile file : listing) {
      if (refusedEarlier(failures)) {
        notTried++; // every copy would wait out rclone's retries to be refused the same way
      } else if (isKnown(source, file, knownNow)) {
        skipped.add(file);
      } else if (Files.exists(stagedPath(source, file))) {
        skippedStaged++;
      } else if (!settled(source, file)) {
        settling++;
      } else {
        try {
          downloaded.add(download(source, file));
        } catch (RcloneProblem p) {
          failures.add(new SourceRun.Failure(file.path(), p.kind(), p.getMessage()));
        }
      }
    }
    ledger.recordSkipped(source.name(), source.remote(), skipped);
    return new SourceRun(source.name(), downloaded, skipped.size(),
        skipped.stream().limit(SourceRun.NAMED).map(RemoteFile::path).toList(), skippedStaged, settling, failures, notTried);
  }

  private static List<KnownHashes.Key> keys(List<RemoteFile> listing, List<String> hashType) {
    return listing.stream().flatMap(f -> f.hash(hashType).stream().map(h -> new KnownHashes.Key(h.getValue(), f.size())))
        .toList();
  }

  /**
   * The first of the source's hash types the remote has, the one deduplication uses (computed
   * hashes cost a pass over each file per type); none when it has none of them.
   */
  private List<String> hashToList(RemoteSource source) {
    List<String> supported = rcd.client().hashTypes(source.remote());
    return source.hashTypes().stream().filter(supported::contains).findFirst().map(List::of).orElse(List.of());
  }

  /** Credentials refused or the remote gone from rclone.conf: a problem of the whole remote, not of one file. */
  private static boolean refusedEarlier(List<SourceRun.Failure> failures) {
    return !failures.isEmpty() && switch (failures.getLast().kind()) {
      case AUTH_REFUSED, REMOTE_NOT_CONFIGURED -> true;
      default -> false;
    };
  }

  /** Progress of the transfers running now (bytes, rate, ETA) for the status. */
  public RcClient.Progress progress() {
    return rcd.client().stats();
  }

  /**
   * Opt-in deletion of a cloud original, called once the daemon has confirmed the file in the
   * library. Deletes only when the source opted in and the remote file is still the one copied.
   */
  public boolean deleteOriginalIfConfirmed(RemoteSource source, RemoteFile copied) {
    if (!source.deleteOriginals()) {
      return false;
    }
    Optional<RemoteFile> now = rcd.client().stat(source.remote(), copied.path());
    if (now.isEmpty() || !now.get().sameAs(copied)) {
      return false;
    }
    rcd.client().deleteFile(source.remote(), copied.path());
    return true;
  }

  // The whole listing was looked up at once (knownNow); a file not found there is asked alone,
  // which may hash a library file of its size for the first time.
  private boolean isKnown(RemoteSource source, RemoteFile file, Set<KnownHashes.Key> knownNow) {
    Optional<Map.Entry<String, String>> hash = file.hash(source.hashTypes());
    if (hash.isPresent() && knownNow.contains(new KnownHashes.Key(hash.get().getValue(), file.size()))) {
      return true;
    }
    return hash.map(h -> known.contains(h.getKey(), h.getValue(), file.size())).orElse(false)
        || known.copiedBefore(source.name(), file);
  }

  private boolean settled(RemoteSource source, RemoteFile file) {
    return Duration.between(file.modTime(), clock.instant()).compareTo(source.settle()) >= 0;
  }

  Path stagedPath(RemoteSource source, RemoteFile file) {
    Path base = stagingRoot.resolve(source.name()).normalize();
    Path target = base.resolve(file.path()).normalize();
    if (!target.startsWith(base) || file.path().isEmpty()) {
      throw new IllegalArgumentException("remote path escapes staging: '" + file.path() + "'");
    }
    return target;
  }

  private SourceRun.Staged download(RemoteSource source, RemoteFile file) {
    Path target = stagedPath(source, file);
    Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
    RcClient rc = rcd.client();
    try {
      Files.createDirectories(target.getParent());
      Files.deleteIfExists(partial);
      rc.copyFile(source.remote(), file.path(), stagingRoot.toString(), stagingRoot.relativize(partial).toString());
      verify(file, partial);
      unchangedOnRemote(rc, source, file);
      Files.createLink(target, partial); // fails rather than replace a file already there
      Files.delete(partial);
    } catch (RcloneProblem p) {
      discard(partial);
      throw changedMeanwhile(rc, source, file).orElse(p);
    } catch (IOException e) {
      discard(partial);
      throw new RcloneProblem(RcloneProblem.Kind.FAILED, "staging " + target + ": " + e, e);
    }
    ledger.recordDownloaded(source.name(), source.remote(), file, target);
    return new SourceRun.Staged(file, target);
  }

  private static void verify(RemoteFile file, Path partial) throws IOException {
    long size = Files.size(partial);
    if (file.size() >= 0 && size != file.size()) {
      throw new RcloneProblem(RcloneProblem.Kind.CORRUPTED,
          file.path() + ": staged " + size + " bytes, remote listed " + file.size());
    }
    Optional<Map.Entry<String, String>> expected = LocalHash.checkable(file);
    if (expected.isPresent()) {
      String got = LocalHash.of(partial, expected.get().getKey());
      if (!got.equalsIgnoreCase(expected.get().getValue())) {
        throw new RcloneProblem(RcloneProblem.Kind.CORRUPTED, file.path() + ": staged "
            + expected.get().getKey() + " " + got + ", remote listed " + expected.get().getValue());
      }
    }
  }

  private static void unchangedOnRemote(RcClient rc, RemoteSource source, RemoteFile file) {
    Optional<RemoteFile> now = rc.stat(source.remote(), file.path());
    if (now.isEmpty() || !now.get().sameAs(file)) {
      throw new RcloneProblem(RcloneProblem.Kind.CHANGED_DURING_COPY,
          file.path() + " changed on " + source.remote() + " while it was copied");
    }
  }

  /** A copy cut short because the file was rewritten reads as an EOF; say what really happened. */
  private static Optional<RcloneProblem> changedMeanwhile(RcClient rc, RemoteSource source, RemoteFile file) {
    try {
      Optional<RemoteFile> now = rc.stat(source.remote(), file.path());
      return now.isPresent() && now.get().sameAs(file) ? Optional.empty()
          : Optional.of(new RcloneProblem(RcloneProblem.Kind.CHANGED_DURING_COPY,
              file.path() + " changed on " + source.remote() + " while it was copied"));
    } catch (RcloneProblem unreachable) {
      return Optional.empty();
    }
  }

  private static void discard(Path partial) {
    try {
      Files.deleteIfExists(partial);
    } catch (IOException ignored) {
      // the next run deletes it before copying again
    }
  }
}
