-- Units form an effective-dated hierarchy: the parent link has its own validity, so a transfer
-- closes one link and opens another while history stays queryable "as of" any date.
create table unit (
  id          bigint generated always as identity primary key,
  code        text not null unique check (code ~ '^[A-Z0-9][A-Z0-9_.-]{0,39}$'),
  name        text not null check (length(trim(name)) > 0),
  kind        text not null check (kind in ('PROVINCE','CITY','TOWN','DISTRICT','COMMUNE','WARD','DEPARTMENT','AGENCY')),
  valid_from  date not null,
  valid_to    date,
  synthetic   boolean not null default false,
  version     integer not null default 0,
  check (valid_to is null or valid_to >= valid_from)
);

create table unit_parent (
  unit_id     bigint not null references unit(id),
  parent_id   bigint not null references unit(id),
  valid_from  date not null,
  valid_to    date,
  primary key (unit_id, valid_from),
  check (unit_id <> parent_id),
  check (valid_to is null or valid_to >= valid_from)
);
create index unit_parent_parent on unit_parent(parent_id);

-- A reorganisation (merge, split, rename, transfer) with its lineage: which predecessor passed
-- which share of itself to which successor. "Same period last year" of a successor is the sum of
-- its predecessors' figures times their shares.
create table reorganisation (
  id              bigint generated always as identity primary key,
  kind            text not null check (kind in ('MERGE','SPLIT','RENAME','TRANSFER','DISSOLVE')),
  effective_date  date not null,
  reference       text,
  description     text,
  synthetic       boolean not null default false,
  subject_unit_id bigint references unit(id),
  old_value       text,
  new_value       text,
  recorded_at     timestamptz not null default now(),
  recorded_by     text not null
);

create table lineage (
  reorganisation_id bigint not null references reorganisation(id),
  predecessor_id    bigint not null references unit(id),
  successor_id      bigint not null references unit(id),
  share             numeric(9,6) not null check (share > 0 and share <= 1),
  primary key (reorganisation_id, predecessor_id, successor_id),
  check (predecessor_id <> successor_id)
);
create index lineage_successor on lineage(successor_id);
create index lineage_predecessor on lineage(predecessor_id);

create table person (
  id          bigint generated always as identity primary key,
  unit_id     bigint not null references unit(id),
  full_name   text not null check (length(trim(full_name)) > 0),
  position    text,
  gender      text check (gender in ('FEMALE','MALE')),
  birth_date  date,
  active      boolean not null default true,
  version     integer not null default 0
);
create index person_unit on person(unit_id);
