-- Episode confirmation (issue 7): an episode is expected as (show TMDB id, season, episodes).
-- For an episode, expected_tmdb_id / tmdb_id hold the SHOW's id; the numbers are null for movies.

alter table jellyfin_confirmations
  add column episode_season integer,
  add column episode_first  integer,
  add column episode_last   integer;

alter table jellyfin_announcements
  add column episode_season integer,
  add column episode_first  integer,
  add column episode_last   integer;
