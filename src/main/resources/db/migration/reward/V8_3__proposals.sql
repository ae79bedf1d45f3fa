-- Proposals (đề nghị khen thưởng) with their nominees, dossier files, steps, and the public notice
-- with its comments and complaints.

create table proposal (
  id                 bigserial primary key,
  kind               text not null check (kind in ('REGULAR', 'THEMATIC', 'AD_HOC', 'DEDICATION',
                                                   'FOREIGN_RELATIONS', 'UPWARD')),
  year               int not null check (year between 2000 and 2100),
  title              text not null,
  proposing_unit_id  bigint not null,
  award_code         text not null references award_type(code),
  status             text not null check (status in ('DRAFT', 'SUBMITTED', 'RECEIVED', 'IN_REVIEW',
                                                     'PUBLIC_NOTICE', 'READY_FOR_COUNCIL')),
  achievement        text,
  specialist_opinion text,
  return_reason      text,
  notice_from        date,
  notice_until       date,
  source_bloc_id     bigint,
  created_by         text not null,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  version            int not null default 0
);
create index proposal_status on proposal(status, year);
create index proposal_unit on proposal(proposing_unit_id, year);

create table proposal_nominee (
  id               bigserial primary key,
  proposal_id      bigint not null references proposal(id),
  kind             text not null check (kind in ('INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD')),
  person_id        bigint,
  unit_id          bigint not null,
  household_name   text,
  nominee_key      text not null,
  display_name     text not null,
  eligible         boolean,
  rule_set_version int,
  evaluation       jsonb,
  unique (proposal_id, nominee_key)
);
create index proposal_nominee_key on proposal_nominee(nominee_key);
create index proposal_nominee_unit on proposal_nominee(unit_id) where person_id is not null;

create table proposal_attachment (
  id           bigserial primary key,
  proposal_id  bigint not null references proposal(id),
  role         text not null check (role in ('ACHIEVEMENT_REPORT', 'MEETING_MINUTES', 'OTHER')),
  file_name    text not null,
  media_type   text not null,
  size_bytes   bigint not null,
  sha256       text not null,
  storage_key  text not null,
  uploaded_by  text not null,
  uploaded_at  timestamptz not null default now()
);

-- every step of a proposal, with who took it and why (a return always has a reason)
create table proposal_step (
  id           bigserial primary key,
  proposal_id  bigint not null references proposal(id),
  from_status  text,
  to_status    text not null,
  actor        text not null,
  reason       text,
  at           timestamptz not null default now()
);
create index proposal_step_proposal on proposal_step(proposal_id, id);

-- comments and complaints during the public notice; the receipt lets the author follow it
create table notice_comment (
  id           bigserial primary key,
  proposal_id  bigint not null references proposal(id),
  receipt      text not null unique,
  kind         text not null check (kind in ('COMMENT', 'COMPLAINT')),
  author_name  text,
  author_contact text,
  body         text not null,
  client_ip    text not null,
  created_at   timestamptz not null default now(),
  answer       text,
  answered_by  text,
  answered_at  timestamptz,
  version      int not null default 0
);
create index notice_comment_proposal on notice_comment(proposal_id, id);
create index notice_comment_ip on notice_comment(client_ip, created_at);
