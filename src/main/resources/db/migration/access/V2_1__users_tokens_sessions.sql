create table app_user (
  id              bigint generated always as identity primary key,
  username        text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,39}$'),
  display_name    text not null,
  password_hash   text not null,
  role            text not null check (role in ('ADMIN','SECRETARIAT','COUNCIL_MEMBER','BLOC_HEAD','UNIT_REPORTER','VIEWER')),
  unit_id         bigint not null references unit(id),
  person_id       bigint references person(id),
  enabled         boolean not null default true,
  failed_logins   integer not null default 0,
  locked_until    timestamptz,
  version         integer not null default 0
);

-- Personal API tokens: only a SHA-256 of the token is kept; the token is shown once.
create table api_token (
  id            bigint generated always as identity primary key,
  user_id       bigint not null references app_user(id),
  name          text not null,
  token_hash    text not null unique,
  created_at    timestamptz not null default now(),
  expires_at    timestamptz,
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
create index api_token_user on api_token(user_id);

-- Spring Session's tables, so that several instances share sessions.
create table spring_session (
  primary_id            char(36) not null,
  session_id            char(36) not null,
  creation_time         bigint not null,
  last_access_time      bigint not null,
  max_inactive_interval int not null,
  expiry_time           bigint not null,
  principal_name        varchar(100),
  constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36) not null,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session(primary_id) on delete cascade
);
