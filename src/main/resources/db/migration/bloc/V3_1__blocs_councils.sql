-- A bloc is set up for one year; the same code recurs across years.
create table bloc (
  id              bigint generated always as identity primary key,
  code            text not null check (code ~ '^[A-Z0-9][A-Z0-9_.-]{0,39}$'),
  name            text not null check (length(trim(name)) > 0),
  year            integer not null check (year between 2000 and 2100),
  description     text,
  head_unit_id    bigint not null references unit(id),
  deputy_unit_id  bigint not null references unit(id),
  version         integer not null default 0,
  unique (code, year),
  check (head_unit_id <> deputy_unit_id)
);

create table bloc_member (
  bloc_id  bigint not null references bloc(id) on delete cascade,
  unit_id  bigint not null references unit(id),
  primary key (bloc_id, unit_id)
);
create index bloc_member_unit on bloc_member(unit_id);

-- the head and the deputy are members: checked at commit, after the members are written
alter table bloc add constraint bloc_head_is_member foreign key (id, head_unit_id)
  references bloc_member(bloc_id, unit_id) deferrable initially deferred;
alter table bloc add constraint bloc_deputy_is_member foreign key (id, deputy_unit_id)
  references bloc_member(bloc_id, unit_id) deferrable initially deferred;

create table council (
  id             bigint generated always as identity primary key,
  code           text not null unique check (code ~ '^[A-Z0-9][A-Z0-9_.-]{0,39}$'),
  name           text not null check (length(trim(name)) > 0),
  level_unit_id  bigint not null references unit(id),
  term_start     date not null,
  term_end       date,
  version        integer not null default 0,
  check (term_end is null or term_end >= term_start)
);

create table council_member (
  id          bigint generated always as identity primary key,
  council_id  bigint not null references council(id),
  person_id   bigint not null references person(id),
  role        text not null check (role in ('CHAIR','VICE_CHAIR','STANDING_MEMBER','MEMBER','SECRETARY')),
  term_from   date not null,
  term_to     date,
  version     integer not null default 0,
  check (term_to is null or term_to >= term_from)
);
create index council_member_council on council_member(council_id);
