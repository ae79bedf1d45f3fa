-- A cross-assessor may recuse itself from assessing one unit (a conflict of interest), with a
-- reason: the sheet then has no scores, and once submitted it leaves the denominator of every
-- manual criterion of that unit like an abstention, but is shown as a recusal with its reason.
alter table sheet add column recusal_reason text
  check (recusal_reason is null or (length(trim(recusal_reason)) > 0 and round = 'CROSS'));
-- A version published while expected sheets were not submitted names why (null: all were).
alter table result_version add column incomplete_reason text
  check (incomplete_reason is null or length(trim(incomplete_reason)) > 0);
