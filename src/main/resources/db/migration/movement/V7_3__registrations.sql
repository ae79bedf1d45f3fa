-- Registrations (đăng ký thi đua): a unit's titles and targets for a movement, and its people
-- registered for individual titles. One per unit and movement.
create table registration (
  id             bigint generated always as identity primary key,
  movement_id    bigint not null references movement(id),
  unit_id        bigint not null references unit(id),
  titles         text[] not null default '{}',
  note           text check (length(note) <= 2000),
  registered_at  timestamptz not null default now(),
  registered_by  text not null,
  version        integer not null default 0,
  unique (movement_id, unit_id)
);

create table registration_target (
  registration_id  bigint not null references registration(id) on delete cascade,
  indicator_code   text not null,
  target           numeric(20,4) not null,
  primary key (registration_id, indicator_code)
);

create table registration_person (
  registration_id  bigint not null references registration(id) on delete cascade,
  person_id        bigint not null references person(id),
  title            text not null check (length(title) between 1 and 100),
  primary key (registration_id, person_id)
);

-- After the deadline a unit may register or change its registration only while the secretariat
-- has reopened it for that unit.
create table registration_reopening (
  movement_id  bigint not null references movement(id),
  unit_id      bigint not null references unit(id),
  open_until   date not null,
  reason       text not null check (length(reason) between 1 and 2000),
  reopened_by  text not null,
  reopened_at  timestamptz not null default now(),
  primary key (movement_id, unit_id)
);
