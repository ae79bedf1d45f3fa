-- After the council's ballot a proposal carries each nominee's outcome; a decision then grants the
-- approved ones. The ballot itself (sessions, participation, votes) and the decisions live in their
-- own tables (V8_5, V8_6).
alter table proposal drop constraint proposal_status_check;
alter table proposal add constraint proposal_status_check
  check (status in ('DRAFT', 'SUBMITTED', 'RECEIVED', 'IN_REVIEW', 'PUBLIC_NOTICE',
                    'READY_FOR_COUNCIL', 'COUNCIL_VOTED', 'DECIDED'));

alter table proposal_nominee add column council_outcome text
  check (council_outcome in ('APPROVED', 'REJECTED'));
