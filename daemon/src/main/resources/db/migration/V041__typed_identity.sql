-- A match's identity in typed columns, once (issue 12). Until now only kind, title, year, season,
-- the first episode and the TMDB id had columns, and the whole identity was copied into
-- evidence.identity as JSON; organizing read that copy. The rest gets columns here, filled from
-- the copy, which is then dropped: evidence keeps only how the identity was found.
alter table media_matches
  add column imdb_id       text,
  add column tvdb_id       bigint,
  add column episodes      integer[] not null default '{}',
  add column episode_title text,
  add column air_date      date,
  add column edition       text,
  add column part          integer,
  add column extra         text,
  add column extra_title   text,
  add column version_label text;

update media_matches set episodes = array[episode] where episode is not null;

update media_matches m set
  imdb_id       = i->>'imdbId',
  tvdb_id       = (i->>'tvdbId')::bigint,
  episodes      = case when jsonb_typeof(i->'episodes') = 'array'
                    then array(select e::integer from jsonb_array_elements_text(i->'episodes') e order by 1)
                    else m.episodes end,
  episode_title = i->>'episodeTitle',
  air_date      = (i->>'airDate')::date,
  edition       = i->>'edition',
  part          = (i->>'part')::integer,
  extra         = i->>'extra',
  extra_title   = i->>'extraTitle',
  version_label = i->>'versionLabel',
  evidence      = m.evidence - 'identity'
from (select video_id, evidence->'identity' as i from media_matches where jsonb_typeof(evidence->'identity') = 'object') s
where s.video_id = m.video_id;
