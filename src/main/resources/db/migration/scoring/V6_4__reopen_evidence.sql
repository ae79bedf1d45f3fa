-- A submitted sheet may be reopened by the secretariat, with a reason (the last reopening is kept
-- here; every one is in the audit log). A manual score may carry a link to its evidence.
alter table sheet add column reopened_at timestamptz;
alter table sheet add column reopened_by text;
alter table sheet add column reopen_reason text;
alter table sheet_score add column evidence text
  check (evidence is null or (evidence ~ '^https?://' and length(evidence) <= 500));
