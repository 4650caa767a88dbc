-- The whole source group fingerprinting found for a video (issue #12): the video, its sidecars
-- with their roles (subtitles with language and flags, NFOs, artwork) and a disc folder's files,
-- as the JSON of daemon.source.SourceGroup (paths as file:// URIs). The organize step plans from
-- it with the planner of `vorg organize`. Null for rows fingerprinted before this migration: the
-- organize step then groups the video again from its folder.
alter table videos add column source_group jsonb;
