-- The job states are the ones store.JobState names, and no others: queued (waiting for run_at),
-- running (leased), done, failed. JobStateTest checks that the enum and this list agree.
alter table jobs add constraint jobs_state check (state in ('queued', 'running', 'done', 'failed'));
