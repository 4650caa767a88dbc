-- Files a scan saw that are not yet stable (still being written), so that "still changing after
-- N minutes" survives a restart. first_seen_at: the first sighting; changed_at: the last scan
-- that saw the size or mtime change; reported_at: when it was first reported as still changing
-- after ingest.max_unstable_minutes. A row goes once its file is taken or gone.
create table waiting_files (
  source        text not null references sync_sources(name),
  rel_path      text not null,
  display_path  text not null,
  size          bigint not null,
  mtime_ms      bigint not null,
  first_seen_at timestamptz not null,
  changed_at    timestamptz not null,
  reported_at   timestamptz,
  primary key (source, rel_path)
);
