-- Remote sources with several daemons on one database (issue 16). Each remote source runs on one
-- daemon at a time: the daemon holding the source's lease row (renewed while it runs and between
-- runs; taken over by another daemon once it expired). Written only through SyncStore.
create table sync_leases (
  source     text primary key,
  owner      text not null,
  expires_at timestamptz not null
);

-- When the staged copy of a download (data_dir/staging/<source>/<path>, or its .vorg-trash copy
-- after a move) was deleted because its video is in the library; null while it is kept.
alter table sync_origins add column staged_cleaned_at timestamptz;
