-- Pause and resume of the pipeline, shared by every daemon on this database and kept across
-- restarts: at most one row (none means running, so an empty database stays empty for a
-- restore); the dispatcher reads it before it claims a step.
create table pipeline_control (
  id         boolean primary key default true check (id),
  paused     boolean not null default false,
  changed_by text,
  changed_at timestamptz not null default now()
);
