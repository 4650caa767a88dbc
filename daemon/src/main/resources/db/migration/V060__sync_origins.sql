-- Cloud sources through rclone (issue 16). One row per remote file version a remote source saw
-- and acted on: downloaded into staging, skipped because the library already has its content,
-- or its cloud original deleted after confirmation. Written only through SyncStore.
--   path:        the file's path under the source's remote root (also its path under staging)
--   hash_type:   the rclone hash name the remote gave (md5, sha1, quickxor, ...); null if none
--   staged_path: where it was downloaded to (data_dir/staging/<source>/<path>)
--   state:       downloaded | skipped | original_deleted | original_kept
--   video_id:    the video row of the staged file, linked once ingest recorded it
create table sync_origins (
  source      text not null,
  remote      text not null,
  path        text not null,
  size        bigint not null,
  mod_time    timestamptz not null,
  hash_type   text,
  hash        text,
  staged_path text,
  state       text not null,
  video_id    bigint references videos(id),
  note        text,
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  primary key (source, path, size, mod_time)
);
create index sync_origins_hash on sync_origins (hash_type, hash, size);
create index sync_origins_unlinked on sync_origins (source, path) where video_id is null and state = 'downloaded';

-- Remote-type hashes (md5, sha1) of organized library files, computed locally on demand when a
-- remote lists a file of the same size, so content that came into the library from a local
-- folder is also recognized before anything is downloaded. Keyed by path and size: a library
-- file replaced by one of another size is hashed again.
create table library_hashes (
  library_path text not null,
  size         bigint not null,
  hash_type    text not null,
  hash         text not null,
  computed_at  timestamptz not null default now(),
  primary key (library_path, size, hash_type)
);
create index library_hashes_hash on library_hashes (hash_type, hash, size);
