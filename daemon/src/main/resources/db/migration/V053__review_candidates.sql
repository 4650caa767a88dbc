-- What the matcher saw when it sent a video to review: its candidates (kind, TMDB id, title,
-- year, score, why) and its evidence, stored at identify time so the review page shows them
-- without asking TMDB again; kept after the answer as part of the video's history.
alter table videos add column review_seen jsonb;
