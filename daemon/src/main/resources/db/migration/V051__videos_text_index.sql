-- The videos list's text filter (display_path ilike '%text%') at 100,000 videos: a trigram GIN
-- index answers it without reading every row. pg_trgm ships with PostgreSQL (the embedded one
-- and Debian's) and is a trusted extension, so the database owner may create it. Where it
-- cannot be created (an external database without it), the list still works, only slower, and
-- the notice says what to install.
do $$
begin
  create extension if not exists pg_trgm;
  create index videos_path_trgm on videos using gin (display_path gin_trgm_ops);
exception when others then
  raise notice 'videos text filter without index: pg_trgm is not available (%); install postgresql-contrib', sqlerrm;
end $$;
