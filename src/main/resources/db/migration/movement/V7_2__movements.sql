-- Emulation movements (phong trào thi đua): regular (yearly) or thematic campaigns, with their
-- launching decision, scope, milestones, goals and the award types they may lead to. The status
-- follows draft → launched → in progress → reviewed → closed; only a published movement reaches the
-- public portal.
create table movement (
  id                     bigint generated always as identity primary key,
  code                   text not null unique check (code ~ '^[A-Z0-9][A-Z0-9_.-]{0,39}$'),
  title                  text not null check (length(title) between 1 and 300),
  motto                  text check (length(motto) <= 500),
  kind                   text not null check (kind in ('REGULAR','THEMATIC')),
  year                   integer not null check (year between 2000 and 2100),
  launching_unit_id      bigint not null references unit(id),
  launching_body         text check (length(launching_body) <= 300),
  decision_number        text check (length(decision_number) <= 100),
  decision_date          date,
  decision_document      text check (length(decision_document) <= 500),
  starts_on              date not null,
  ends_on                date not null,
  registration_deadline  date,
  individuals_allowed    boolean not null default false,
  households_allowed     boolean not null default false,
  award_types            text[] not null default '{}',
  description            text,
  status                 text not null default 'DRAFT'
                           check (status in ('DRAFT','LAUNCHED','IN_PROGRESS','REVIEWED','CLOSED')),
  published              boolean not null default false,
  created_at             timestamptz not null default now(),
  version                integer not null default 0,
  check (ends_on >= starts_on),
  check (published = false or status <> 'DRAFT')
);
create index movement_year on movement(year);

-- Who takes part: the members of the listed blocs, and the listed units with the units below them.
create table movement_bloc (
  movement_id  bigint not null references movement(id) on delete cascade,
  bloc_id      bigint not null references bloc(id),
  primary key (movement_id, bloc_id)
);
create table movement_unit (
  movement_id  bigint not null references movement(id) on delete cascade,
  unit_id      bigint not null references unit(id),
  primary key (movement_id, unit_id)
);

create table movement_milestone (
  id           bigint generated always as identity primary key,
  movement_id  bigint not null references movement(id) on delete cascade,
  kind         text not null check (kind in ('LAUNCH','MID_YEAR_REVIEW','YEAR_END_REVIEW','DEADLINE','OTHER')),
  title        text not null check (length(title) between 1 and 300),
  due_on       date not null
);
create index movement_milestone_due on movement_milestone(due_on);

-- Goals linked to indicators of the catalogue (by code) with an optional province-wide target.
create table movement_goal (
  id              bigint generated always as identity primary key,
  movement_id     bigint not null references movement(id) on delete cascade,
  indicator_code  text not null,
  description     text check (length(description) <= 500),
  target          numeric(20,4),
  unique (movement_id, indicator_code)
);
