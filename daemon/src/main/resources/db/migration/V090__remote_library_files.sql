-- What a library on an rclone remote (a storage box) holds, file by file, so that a remote
-- source's file whose content is already there is never downloaded (issue 16). Filled from two
-- sides: each file the publisher placed and verified, and a listing of the whole remote library
-- (at start and before source runs), which also brings in files that were there before the
-- daemon. Written only through SyncStore.
--   library:      the library as an rclone path (storagebox:media)
--   path:         the file's path under it
--   library_path: the file as one rclone path; the key its hashes have in library_hashes (V060)
--   seen_at:      when a listing or the publisher last saw it; rows a newer listing did not see are gone
create table remote_library_files (
  library      text not null,
  path         text not null,
  library_path text not null unique,
  size         bigint not null,
  seen_at      timestamptz not null default now(),
  primary key (library, path)
);
create index remote_library_files_size on remote_library_files (library, size);
