-- Other modules queue their mails in the same outbox (movement milestones and registration
-- deadlines), so that one sender, with its retries, sends them all. Their rows have no bloc and
-- kinds of their own; the key column (period) holds their own key.
alter table reminder_outbox alter column bloc_id drop not null;
alter table reminder_outbox drop constraint reminder_outbox_kind_check;
alter table reminder_outbox add constraint reminder_outbox_kind_check
  check (kind in ('DUE_SOON', 'MISSING', 'MILESTONE', 'REGISTRATION'));
