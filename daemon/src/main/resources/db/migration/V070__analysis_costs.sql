-- Content analysis costs (issue 15): one row per remote call (a vision model's description, the
-- transcription of one window of sound), written as soon as the call is paid for, outside the
-- step's transaction, so that a step that fails later still counts what it spent. Budgets are
-- checked against this table, so they hold across restarts and across several daemons.
-- Written only through PostgresCostLedger.
--   backend:         the configured backend, e.g. runpod-whisper or vision
--   task:            vision | transcription
--   gpu_class:       the GPU the price is for (RTX 4090 PRO, L4); null for token-priced APIs
--   usd_per_second:  the price per billed second; the token prices per million tokens
--   wall_ms:         the time the client waited; execution_ms the time the backend worked
--                    (RunPod executionTime), queue_ms the time the job waited (RunPod delayTime)
--   usd:             what the call cost
create table analysis_costs (
  id               bigserial primary key,
  video_id         bigint not null references videos(id),
  backend          text not null,
  task             text not null,
  gpu_class        text,
  usd_per_second   double precision not null,
  usd_per_mtok_in  double precision not null,
  usd_per_mtok_out double precision not null,
  wall_ms          bigint not null,
  execution_ms     bigint not null,
  queue_ms         bigint not null,
  tokens_in        bigint not null,
  tokens_out       bigint not null,
  audio_seconds    double precision not null,
  usd              numeric(12, 6) not null,
  at               timestamptz not null
);
create index analysis_costs_at on analysis_costs (at);
create index analysis_costs_video on analysis_costs (video_id);
