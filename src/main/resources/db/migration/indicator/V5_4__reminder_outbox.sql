-- Reminders waiting to be e-mailed. A row is written in the transaction that decides to remind, at
-- most once per user, period and kind (the unique key makes that hold with several instances); a
-- scheduled sender claims due rows with FOR UPDATE SKIP LOCKED, sends them and marks them sent, or
-- counts the failed attempt and tries again later.
create table reminder_outbox (
  id               bigint generated always as identity primary key,
  user_id          bigint not null,
  period           text not null,
  kind             text not null check (kind in ('DUE_SOON','MISSING')),
  bloc_id          bigint not null references bloc(id) on delete cascade,
  recipient        text not null,
  subject          text not null,
  body             text not null,
  created_at       timestamptz not null default now(),
  attempts         integer not null default 0,
  next_attempt_at  timestamptz not null default now(),
  last_error       text,
  sent_at          timestamptz,
  unique (user_id, period, kind)
);
create index reminder_outbox_due on reminder_outbox(next_attempt_at) where sent_at is null;
