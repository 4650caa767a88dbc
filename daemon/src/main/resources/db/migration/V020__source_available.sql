-- A source whose folder is missing or whose mount marker is missing is "unavailable": it is not
-- scanned and nothing in it is marked vanished. The reason is last_scan_error.
alter table sync_sources add column available boolean not null default true;
