-- Pause and resume of the pipeline, shared by every daemon on this database and kept across
-- restarts: one row; the dispatcher reads it before it claims a step.
create table pipeline_control (
  id         boolean primary key default true check (id),
  paused     boolean not null default false,
  changed_by text,
  changed_at timestamptz not null default now()
);
insert into pipeline_control (id) values (true);
