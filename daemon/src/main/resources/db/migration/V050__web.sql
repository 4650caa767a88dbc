-- The web page (issue 14): keyset pages over videos, and corrections that stick.

-- The videos list is sorted by (updated_at, id) descending and pages by keyset, with or without
-- a state or source filter; these keep every page an index range scan at 100,000 videos.
create index videos_changed on videos (updated_at desc, id desc);
create index videos_state_changed on videos (state, updated_at desc, id desc);
create index videos_source_changed on videos (source, updated_at desc, id desc);
create index media_matches_kind on media_matches (kind, video_id);
create index organized_files_created on organized_files (created_at);

-- A person's answer, reused for other files: the same content hash, the same release folder of
-- the same source, and (for a show) later episodes under the same show name. identity is the
-- answer as the pipeline stores it (media_matches.evidence.identity); revoked_at ends it.
alter table corrections
  add column source       text,
  add column folder       text,
  add column show_key     text,
  add column content_hash text,
  add column identity     jsonb,
  add column summary      text,
  add column revoked_at   timestamptz;
create index corrections_hash on corrections (content_hash) where revoked_at is null;
create index corrections_folder on corrections (source, folder) where revoked_at is null;
create index corrections_show on corrections (show_key) where revoked_at is null;

-- Each video a correction named, with when; the page lists them and undo walks them.
create table correction_uses (
  correction_id bigint not null references corrections(id),
  video_id      bigint not null references videos(id),
  applied_at    timestamptz not null default now(),
  previous_state text not null,
  primary key (correction_id, video_id)
);
create index correction_uses_video on correction_uses (video_id);
