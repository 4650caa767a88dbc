package org.videoorganizer.daemon.store;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.videoorganizer.blocking.Blocking;
import org.videoorganizer.daemon.sync.KnownHashes;
import org.videoorganizer.daemon.sync.RemoteFile;
import org.videoorganizer.daemon.sync.RemoteSource;
import org.videoorganizer.daemon.sync.SyncLedger;
import org.videoorganizer.jellyfin.confirm.ConfirmationState;

/**
 * What remote sources did, in {@code sync_origins} (V060), and which daemon runs each ({@code sync_leases}, V061): each remote file downloaded or skipped
 * with its remote hash, linked to its video row once ingest recorded the staged file; and what
 * the library already holds by remote hash. Blocking calls: the sync engine runs on its own
 * (virtual) threads.
 *
 * <p>Deduplication before download covers: a file with the same remote hash type, hash and size
 * as one any remote source downloaded before (whose video did not vanish), and a file whose size
 * and md5/sha1 match an organized library file (hashed locally on demand, {@code library_hashes}),
 * and a file of a library on an rclone remote ({@code remote_library_files}, V090: what the
 * publisher placed, hashed while staged, and what a listing of the remote found, hashed by the
 * server on demand).
 * It does not cover QuickXorHash (OneDrive) against files that came from local folders: the JDK
 * has no QuickXorHash, so such a file is downloaded and then found a duplicate by our own hash.
 */
public final class SyncStore implements SyncLedger, KnownHashes {

  // Whether a remote file was fetched before ignores origins whose video vanished (v.state <> VANISHED):
  // that video never reached the library, so its remote file may be fetched again.

  private final Pool pool;

  public SyncStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public void recordDownloaded(String source, String remote, RemoteFile file, Path staged) {
    upsert(source, remote, file, staged.toString(), "downloaded");
  }

  @Override
  public void recordSkipped(String source, String remote, RemoteFile file) {
    upsert(source, remote, file, null, "skipped");
  }

  @Override
  public void recordSkipped(String source, String remote, List<RemoteFile> files) {
    for (int from = 0; from < files.size(); from += BATCH) {
      List<Tuple> rows = files.subList(from, Math.min(files.size(), from + BATCH)).stream()
          .map(f -> row(source, remote, f, null, "skipped")).toList();
      Blocking.await(pool.preparedQuery(UPSERT).executeBatch(rows));
    }
  }

  private static final int BATCH = 1000;
  private static final String UPSERT = """
      insert into sync_origins (source, remote, path, size, mod_time, hash_type, hash, staged_path, state)
      values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
      on conflict (source, path, size, mod_time) do update
      set remote = excluded.remote, hash_type = excluded.hash_type, hash = excluded.hash,
        staged_path = coalesce(excluded.staged_path, sync_origins.staged_path), updated_at = now(),
        state = case when sync_origins.state = 'downloaded' then 'downloaded' else excluded.state end,
        video_id = case when excluded.state = 'downloaded' then null else sync_origins.video_id end""";

  private static Tuple row(String source, String remote, RemoteFile file, String staged, String state) {
    Optional<Map.Entry<String, String>> hash = file.hash(RemoteSource.DEFAULT_HASHES);
    return Tuple.tuple().addString(source).addString(remote).addString(file.path()).addLong(file.size())
        .addOffsetDateTime(file.modTime().atOffset(ZoneOffset.UTC))
        .addString(hash.map(Map.Entry::getKey).orElse(null)).addString(hash.map(Map.Entry::getValue).orElse(null))
        .addString(staged).addString(state);
  }

  /** The keys of one hash type that a download before or an organized library file has; one query. */
  @Override
  public java.util.Set<KnownHashes.Key> knownAmong(String hashType, java.util.Collection<KnownHashes.Key> keys) {
    java.util.Set<KnownHashes.Key> out = new java.util.HashSet<>();
    if (keys.isEmpty()) {
      return out;
    }
    String[] hashes = keys.stream().map(k -> k.hash().toLowerCase(java.util.Locale.ROOT)).distinct().toArray(String[]::new);
    Blocking.await(pool.preparedQuery("""
            select o.hash, o.size from sync_origins o left join videos v on v.id = o.video_id
            where o.hash_type = $1 and o.hash = any($2) and o.state <> 'skipped' and (v.id is null or v.state <> $3)
            union
            select h.hash, h.size from library_hashes h
            join organized_files f on f.library_path = h.library_path and f.size = h.size
            where h.hash_type = $1 and h.hash = any($2)
            union
            select h.hash, h.size from library_hashes h
            join remote_library_files r on r.library_path = h.library_path and r.size = h.size
            where h.hash_type = $1 and h.hash = any($2)""")
        .execute(Tuple.tuple().addString(hashType).addArrayOfString(hashes).addString(VideoState.VANISHED.db()))).forEach(r -> out.add(new KnownHashes.Key(r.getString("hash"), r.getLong("size"))));
    out.retainAll(new java.util.HashSet<>(keys));
    return out;
  }

  private void upsert(String source, String remote, RemoteFile file, String staged, String state) {
    Blocking.await(pool.preparedQuery(UPSERT).execute(row(source, remote, file, staged, state)));
  }

  /** True when a remote file of this hash and size was downloaded before, or a library file has them. */
  @Override
  public boolean contains(String hashType, String hash, long size) {
    return Blocking.await(pool.preparedQuery("""
            select 1 from sync_origins o left join videos v on v.id = o.video_id
            where o.hash_type = $1 and o.hash = $2 and o.size = $3 and o.state <> 'skipped' and (v.id is null or v.state <> $4)
            union all
            select 1 from library_hashes h
            join organized_files f on f.library_path = h.library_path and f.size = h.size
            where h.hash_type = $1 and h.hash = $2 and h.size = $3
            union all
            select 1 from library_hashes h
            join remote_library_files r on r.library_path = h.library_path and r.size = h.size
            where h.hash_type = $1 and h.hash = $2 and h.size = $3
            limit 1""")
        .execute(Tuple.of(hashType, hash.toLowerCase(java.util.Locale.ROOT), size, VideoState.VANISHED.db()))).size() > 0;
  }

  /** The hash types remote sources have listed files with so far (rclone names). */
  public java.util.Set<String> sourceHashTypes() {
    java.util.Set<String> out = new java.util.TreeSet<>();
    Blocking.await(pool.query("select distinct hash_type from sync_origins where hash_type is not null").execute())
        .forEach(r -> out.add(r.getString("hash_type")));
    return out;
  }

  /** True when this version of the file was downloaded before (and its video did not vanish). */
  @Override
  public boolean copiedBefore(String source, RemoteFile file) {
    return Blocking.await(pool.preparedQuery("""
            select 1 from sync_origins o left join videos v on v.id = o.video_id
            where o.source = $1 and o.path = $2 and o.size = $3 and o.mod_time = $4 and o.state <> 'skipped'
              and (v.id is null or v.state <> $5)""")
        .execute(Tuple.of(source, file.path(), file.size(), file.modTime().atOffset(ZoneOffset.UTC), VideoState.VANISHED.db())))
        .size() > 0;
  }

  /** Organized library videos of this size with no {@code hashType} hash yet: candidates to hash locally. */
  public List<Path> unhashedLibraryFiles(long size, String hashType) {
    List<Path> out = new ArrayList<>();
    Blocking.await(pool.preparedQuery("select f.library_path from organized_files f where f.size = $1 and f.role = 'video' "
            + "and not exists (select 1 from library_hashes h where h.library_path = f.library_path and h.size = f.size "
            + "and h.hash_type = $2)")
        .execute(Tuple.of(size, hashType))).forEach(r -> out.add(Path.of(r.getString("library_path"))));
    return out;
  }

  /** Keeps a library file's locally computed hash of a remote type. */
  public void recordLibraryHash(Path libraryPath, long size, String hashType, String hash) {
    recordLibraryHash(libraryPath.toString(), size, hashType, hash);
  }

  /** A file of a remote library as one rclone path: the key of its hashes in {@code library_hashes}. */
  public static String remotePath(String library, String path) {
    return library.endsWith(":") || library.endsWith("/") ? library + path : library + "/" + path;
  }

  /** The database's time now: what a listing of a remote library is dated from. */
  public java.time.OffsetDateTime now() {
    return Blocking.await(pool.query("select now() as t").execute()).iterator().next().getOffsetDateTime("t");
  }

  /**
   * A whole listing of a remote library taken after {@code listedFrom} ({@link #now}): every file
   * is recorded as seen, and rows not seen since then (deleted or renamed on the remote) are
   * dropped with the evidence their hashes gave. A file placed while the listing ran is kept.
   */
  public void replaceRemoteLibrary(String library, List<RemoteFile> files, java.time.OffsetDateTime listedFrom) {
    for (int from = 0; from < files.size(); from += BATCH) {
      List<Tuple> rows = files.subList(from, Math.min(files.size(), from + BATCH)).stream()
          .map(f -> Tuple.of(library, f.path(), remotePath(library, f.path()), f.size())).toList();
      Blocking.await(pool.preparedQuery(UPSERT_REMOTE_FILE).executeBatch(rows));
    }
    Blocking.await(pool.preparedQuery("delete from remote_library_files where library = $1 and seen_at < $2")
        .execute(Tuple.of(library, listedFrom)));
  }

  private static final String UPSERT_REMOTE_FILE = "insert into remote_library_files (library, path, library_path, size) "
      + "values ($1, $2, $3, $4) on conflict (library, path) do update set size = excluded.size, seen_at = now()";

  /** A file the publisher placed and verified in a remote library, with the hashes taken while it was staged. */
  public void recordRemoteLibraryFile(String library, String path, long size, Map<String, String> hashes) {
    Blocking.await(pool.preparedQuery(UPSERT_REMOTE_FILE).execute(Tuple.of(library, path, remotePath(library, path), size)));
    hashes.forEach((type, hash) -> recordLibraryHash(remotePath(library, path), size, type, hash));
  }

  /** Paths (under the library) of a remote library's files of this size with no {@code hashType} hash yet. */
  public List<String> unhashedRemoteLibraryFiles(String library, long size, String hashType) {
    List<String> out = new ArrayList<>();
    Blocking.await(pool.preparedQuery("select r.path from remote_library_files r where r.library = $1 and r.size = $2 "
            + "and not exists (select 1 from library_hashes h where h.library_path = r.library_path and h.size = r.size "
            + "and h.hash_type = $3) order by r.path")
        .execute(Tuple.of(library, size, hashType))).forEach(r -> out.add(r.getString("path")));
    return out;
  }

  /** Keeps a library file's hash of a remote type, by its path (local, or one rclone path for a remote library). */
  public void recordLibraryHash(String libraryPath, long size, String hashType, String hash) {
    Blocking.await(pool.preparedQuery("insert into library_hashes (library_path, size, hash_type, hash) "
            + "values ($1, $2, $3, $4) on conflict do nothing")
        .execute(Tuple.of(libraryPath, size, hashType, hash.toLowerCase(java.util.Locale.ROOT))));
  }

  /** Links downloaded origins to the video row ingest recorded for the staged file; returns how many. */
  public int linkStaged(String source) {
    return Blocking.await(pool.preparedQuery("update sync_origins o set video_id = v.id, updated_at = now() "
            + "from videos v where o.source = $1 and o.video_id is null and o.state = 'downloaded' "
            + "and v.source = o.source and v.rel_path = o.path and v.size = o.size "
            + "and v.id = (select max(w.id) from videos w where w.source = o.source and w.rel_path = o.path and w.size = o.size)")
        .execute(Tuple.of(source))).rowCount();
  }

  /** A downloaded remote file whose video is in the library, with the remote's listing at copy time. */
  public record Confirmed(long videoId, RemoteFile copied) {}

  /**
   * Downloaded originals of {@code source} whose video is confirmed in the library: organized (or
   * announced) with its library file recorded and, when Jellyfin is used, confirmed by Jellyfin.
   */
  public List<Confirmed> confirmedOriginals(String source, boolean jellyfinMustConfirm) {
    List<Confirmed> out = new ArrayList<>();
    Blocking.await(pool.preparedQuery("""
            select o.video_id, o.path, o.size, o.mod_time, o.hash_type, o.hash from sync_origins o
            join videos v on v.id = o.video_id
            join organized_files f on f.video_id = v.id and f.role = 'video'
            where o.source = $1 and o.state = 'downloaded' and v.state = any($2)
              and (not $3 or exists (select 1 from jellyfin_confirmations c
                                     where c.local_path = f.library_path and c.state = $4))
            order by o.video_id""")
        .execute(Tuple.tuple().addString(source).addArrayOfString(VideoState.names(VideoState::inLibrary))
            .addBoolean(jellyfinMustConfirm).addString(ConfirmationState.CONFIRMED.name().toLowerCase(java.util.Locale.ROOT))))
        .forEach(r -> out.add(new Confirmed(r.getLong("video_id"), remoteFile(r))));
    return out;
  }

  private static RemoteFile remoteFile(Row r) {
    String type = r.getString("hash_type");
    return new RemoteFile(r.getString("path"), r.getLong("size"), r.getOffsetDateTime("mod_time").toInstant(),
        type == null ? Map.of() : Map.of(type, r.getString("hash")));
  }

  /** After the delete-originals check: {@code original_deleted}, or {@code original_kept} with why. */
  public void recordOriginal(String source, RemoteFile copied, boolean deleted, String note) {
    Blocking.await(pool.preparedQuery("update sync_origins set state = $5, note = $6, updated_at = now() "
            + "where source = $1 and path = $2 and size = $3 and mod_time = $4")
        .execute(Tuple.of(source, copied.path(), copied.size(), copied.modTime().atOffset(ZoneOffset.UTC),
            deleted ? "original_deleted" : "original_kept", note)));
  }

  /** The origin rows of a source by state, for the status page and tests. */
  public Map<String, Long> countsByState(String source) {
    Map<String, Long> out = new java.util.TreeMap<>();
    Blocking.await(pool.preparedQuery("select state, count(*) as n from sync_origins where source = $1 group by state")
        .execute(Tuple.of(source))).forEach(r -> out.put(r.getString("state"), r.getLong("n")));
    return out;
  }

  /**
   * Takes or renews the lease of a remote source for {@code owner} (V061): true when it holds it
   * now, false while another daemon's lease has not expired. Several daemons on one database run
   * each remote source on one of them only.
   */
  public boolean lease(String source, String owner, java.time.Duration ttl) {
    return Blocking.await(pool.preparedQuery("insert into sync_leases (source, owner, expires_at) "
            + "values ($1, $2, now() + $3 * interval '1 millisecond') on conflict (source) do update "
            + "set owner = excluded.owner, expires_at = excluded.expires_at "
            + "where sync_leases.owner = excluded.owner or sync_leases.expires_at < now() returning owner")
        .execute(Tuple.of(source, owner, ttl.toMillis()))).size() > 0;
  }

  /** Gives a source's lease back at shutdown, so another daemon takes it over at once. */
  public void release(String source, String owner) {
    Blocking.await(pool.preparedQuery("delete from sync_leases where source = $1 and owner = $2")
        .execute(Tuple.of(source, owner)));
  }

  /** Who holds a source's lease now, if anyone. */
  public Optional<String> leaseHolder(String source) {
    var rows = Blocking.await(pool.preparedQuery("select owner from sync_leases where source = $1 and expires_at >= now()")
        .execute(Tuple.of(source)));
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString("owner"));
  }

  /**
   * Staged copies whose video is in the library and that are still kept, as paths under the
   * source's staging folder: once the video is in the library (organized, announced, confirmed or
   * mismatched), or, where the source deletes originals, once the original was dealt with
   * (deleted, or kept because it changed).
   */
  public List<Staged> stagedToClean(String source, boolean afterOriginal) {
    List<Staged> out = new ArrayList<>();
    Blocking.await(pool.preparedQuery("""
            select o.path, o.size from sync_origins o join videos v on v.id = o.video_id
            where o.source = $1 and o.staged_cleaned_at is null
              and (($2 and o.state in ('original_deleted', 'original_kept'))
                or (not $2 and o.state in ('downloaded', 'original_deleted', 'original_kept') and v.state = any($3)))
            order by o.path""")
        .execute(Tuple.tuple().addString(source).addBoolean(afterOriginal)
            .addArrayOfString(VideoState.names(VideoState::inLibrary))))
        .forEach(r -> out.add(new Staged(r.getString("path"), r.getLong("size"))));
    return out;
  }

  /** A downloaded file by its path under the staging folder and its size. */
  public record Staged(String path, long size) {}

  /** The staged copies of this download were deleted. */
  public void recordStagedCleaned(String source, Staged staged) {
    Blocking.await(pool.preparedQuery("update sync_origins set staged_cleaned_at = now(), updated_at = now() "
            + "where source = $1 and path = $2 and size = $3 and staged_cleaned_at is null")
        .execute(Tuple.of(source, staged.path(), staged.size())));
  }
}
