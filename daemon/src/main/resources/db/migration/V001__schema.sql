-- Video Organizer schema, version 1. Applied once, in a transaction, by Migrations.

create table sync_sources (
  name            text primary key,
  path            text not null,
  last_scan_at    timestamptz,
  last_scan_files integer,
  last_scan_error text,
  updated_at      timestamptz not null default now()
);

-- One row per input file at a path. "active" is true while the file is expected at that path;
-- a moved-away or vanished file keeps its row (history) with active = false.
create table videos (
  id            bigserial primary key,
  source        text not null references sync_sources(name),
  rel_path      text not null,
  display_path  text not null,
  size          bigint not null,
  mtime_ms      bigint not null,
  quick_hash    text,
  content_hash  text,
  state         text not null,
  reason        text,
  duplicate_of  bigint references videos(id),
  sidecars      jsonb not null default '[]',
  active        boolean not null default true,
  discovered_at timestamptz not null default now(),
  updated_at    timestamptz not null default now()
);
create unique index videos_active_path on videos (source, rel_path) where active;
create index videos_content_hash on videos (content_hash);
create index videos_state on videos (state);

create table media_matches (
  video_id    bigint primary key references videos(id),
  kind        text not null,
  title       text,
  year        integer,
  season      integer,
  episode     integer,
  tmdb_id     bigint,
  confidence  double precision,
  evidence    jsonb not null default '{}',
  created_at  timestamptz not null default now()
);

create table analysis_results (
  id          bigserial primary key,
  video_id    bigint not null references videos(id),
  analyzer    text not null,
  result      jsonb not null,
  seconds     double precision,
  cost        numeric(12, 6),
  created_at  timestamptz not null default now()
);

create table organized_files (
  id            bigserial primary key,
  video_id      bigint not null references videos(id),
  library_path  text not null unique,
  content_hash  text not null,
  size          bigint not null,
  role          text not null default 'video',
  created_at    timestamptz not null default now()
);
create index organized_files_hash on organized_files (content_hash);

-- The queue of record. One row per (video, stage): enqueueing is idempotent.
create table jobs (
  id               bigserial primary key,
  video_id         bigint not null references videos(id),
  stage            text not null,
  state            text not null default 'queued',
  attempts         integer not null default 0,
  run_at           timestamptz not null default now(),
  lease_owner      text,
  lease_expires_at timestamptz,
  fence            bigint not null default 0,
  last_error       text,
  created_at       timestamptz not null default now(),
  updated_at       timestamptz not null default now(),
  unique (video_id, stage)
);
create index jobs_due on jobs (run_at, id) where state = 'queued';
create index jobs_leased on jobs (lease_expires_at) where state = 'running';

-- A row is written before each file-system step and completed after it, so a crash at any
-- point can be resumed or rolled back by looking at the disk.
create table file_operations (
  id          bigserial primary key,
  video_id    bigint references videos(id),
  job_id      bigint references jobs(id),
  op          text not null,
  source_path text,
  target_path text,
  state       text not null default 'started',
  detail      text,
  started_at  timestamptz not null default now(),
  finished_at timestamptz
);
create index file_operations_open on file_operations (video_id) where state = 'started';

create table corrections (
  id          bigserial primary key,
  video_id    bigint references videos(id),
  scope       text not null,
  pattern     text,
  kind        text not null,
  tmdb_id     bigint,
  season      integer,
  episode     integer,
  created_by  text,
  created_at  timestamptz not null default now()
);

create table stats (
  day         date not null,
  name        text not null,
  value       double precision not null default 0,
  primary key (day, name)
);
