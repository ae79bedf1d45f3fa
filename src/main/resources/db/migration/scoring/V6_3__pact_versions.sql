-- Versions of a pact's definition. While the pact is a draft its version 1 changes in place; once
-- it is frozen (assessment started) every change is a new, audited version, and each published
-- result version names the pact version it was computed under.
create table pact_version (
  pact_id     bigint not null references pact(id),
  number      integer not null check (number > 0),
  definition  jsonb not null,
  created_at  timestamptz not null default now(),
  created_by  text not null,
  reason      text,
  primary key (pact_id, number)
);
alter table pact add column definition_version integer not null default 1;
insert into pact_version(pact_id, number, definition, created_at, created_by)
  select id, 1, definition, coalesce(frozen_at, now()), 'migration' from pact;
alter table result_version add column pact_version integer not null default 1;
