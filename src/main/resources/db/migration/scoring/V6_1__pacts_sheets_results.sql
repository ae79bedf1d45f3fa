-- A bloc's yearly emulation pact. The bloc row is already per year, so one pact per bloc. The
-- criteria tree, round weights, classification bands and tie-break chain are one document
-- (definition); its criteria are also listed below so that scores can refer to them.
create table pact (
  id          bigint generated always as identity primary key,
  bloc_id     bigint not null unique references bloc(id),
  year        integer not null check (year between 2000 and 2100),
  status      text not null check (status in ('DRAFT','ACTIVE')),
  definition  jsonb not null,
  frozen_at   timestamptz,
  version     integer not null default 0
);

create table pact_criterion (
  pact_id     bigint not null references pact(id) on delete cascade,
  code        text not null,
  group_code  text not null,
  method      text not null check (method in ('INDICATOR','MANUAL','BONUS','PENALTY')),
  max_points  numeric(10,2) not null check (max_points > 0),
  primary key (pact_id, code)
);

-- One assessor's scores of one unit in one round. The assessor is a member unit (self, cross) or
-- the council. Submitted sheets never change.
create table sheet (
  id                bigint generated always as identity primary key,
  pact_id           bigint not null references pact(id),
  round             text not null check (round in ('SELF','CROSS','COUNCIL')),
  assessor_unit_id  bigint references unit(id),
  assessed_unit_id  bigint not null references unit(id),
  status            text not null check (status in ('DRAFT','SUBMITTED')),
  submitted_at      timestamptz,
  submitted_by      text,
  version           integer not null default 0,
  check ((round = 'COUNCIL') = (assessor_unit_id is null)),
  check (round <> 'CROSS' or assessor_unit_id <> assessed_unit_id),
  check (round <> 'SELF' or assessor_unit_id = assessed_unit_id)
);
create unique index sheet_key on sheet(pact_id, round, coalesce(assessor_unit_id, 0), assessed_unit_id);

-- points null = an explicit abstention: it leaves the denominator of the mean
create table sheet_score (
  sheet_id   bigint not null references sheet(id) on delete cascade,
  pact_id    bigint not null,
  criterion  text not null,
  points     numeric(10,2) check (points >= 0),
  comment    text,
  primary key (sheet_id, criterion),
  foreign key (pact_id, criterion) references pact_criterion(pact_id, code)
);

-- Bonus and penalty items: points with a reason, capped per criterion when computed.
create table adjustment (
  id          bigint generated always as identity primary key,
  pact_id     bigint not null,
  unit_id     bigint not null references unit(id),
  criterion   text not null,
  points      numeric(10,2) not null check (points > 0),
  reason      text not null check (length(trim(reason)) > 0),
  created_at  timestamptz not null default now(),
  created_by  text not null,
  foreign key (pact_id, criterion) references pact_criterion(pact_id, code)
);
create index adjustment_pact on adjustment(pact_id);

-- Published results: immutable versions.
create table result_version (
  pact_id       bigint not null references pact(id),
  version       integer not null check (version > 0),
  published_at  timestamptz not null,
  published_by  text not null,
  primary key (pact_id, version)
);

create table result_row (
  pact_id         bigint not null,
  version         integer not null,
  unit_id         bigint not null references unit(id),
  unit_code       text not null,
  unit_name       text not null,
  total           numeric(10,2) not null,
  rank            integer not null check (rank > 0),
  classification  text not null,
  explanation     jsonb not null,
  primary key (pact_id, version, unit_id),
  foreign key (pact_id, version) references result_version(pact_id, version)
);
