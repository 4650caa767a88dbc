-- Jellyfin integration (jellyfin-webhook module, wired by daemon.announce).

-- The confirmation loop's state: one row per published video file, keyed by its path as
-- Jellyfin sees it. Written only through PostgresConfirmationStore.
create table jellyfin_confirmations (
  jellyfin_path    text primary key,
  local_path       text not null,
  expected_tmdb_id text not null,
  state            text not null,
  item_id          text,
  seen_tmdb_id     text,
  checks           integer not null default 0,
  corrections      integer not null default 0,
  announced_at     timestamptz not null,
  next_check_at    timestamptz,
  updated_at       timestamptz not null,
  note             text not null
);
create index jellyfin_confirmations_due on jellyfin_confirmations (next_check_at) where next_check_at is not null;
create index jellyfin_confirmations_item on jellyfin_confirmations (item_id) where item_id is not null;
create index jellyfin_confirmations_state on jellyfin_confirmations (state, updated_at desc);

-- Published files Jellyfin has not yet accepted in a Media/Updated call. Rows are written by
-- the announce stage and removed once Jellyfin took the announcement, so announcements
-- survive a restart while Jellyfin is down.
create table jellyfin_announcements (
  library_path text primary key,
  tmdb_id      text,
  queued_at    timestamptz not null default now()
);
