-- Initiatives (sáng kiến): a recognised improvement, its authors, the unit it belongs to and the
-- decision that recognised it. Reward eligibility reads them through Initiatives#recognisedFor.
create table initiative (
  id               bigint generated always as identity primary key,
  title            text not null check (length(title) between 1 and 300),
  unit_id          bigint not null references unit(id),
  field            text not null check (length(field) between 1 and 200),
  description      text,
  decision_number  text not null check (length(decision_number) between 1 and 100),
  decision_date    date not null,
  level            text not null check (level in ('GRASSROOTS','PROVINCIAL','NATIONAL')),
  scope            text,
  created_at       timestamptz not null default now(),
  version          integer not null default 0,
  -- the same title under the same decision is the same initiative: an import twice is refused
  unique (decision_number, title)
);
create index initiative_unit on initiative(unit_id);
create index initiative_decided on initiative(decision_date);

create table initiative_author (
  initiative_id  bigint not null references initiative(id) on delete cascade,
  person_id      bigint not null references person(id),
  position       integer not null,
  primary key (initiative_id, person_id)
);
create index initiative_author_person on initiative_author(person_id);
