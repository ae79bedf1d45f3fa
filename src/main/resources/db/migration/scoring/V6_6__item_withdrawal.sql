-- Bonus and penalty items are withdrawn, never deleted: the row stays with who withdrew it, when
-- and why. A withdrawn item no longer counts at the next publication; the explanations of versions
-- published before keep it, as they are stored with each version.
alter table adjustment
  add column withdrawn_at     timestamptz,
  add column withdrawn_by     text,
  add column withdraw_reason  text,
  add constraint adjustment_withdrawal_complete
    check ((withdrawn_at is null) = (withdrawn_by is null)
           and (withdrawn_at is null) = (withdraw_reason is null)),
  add constraint adjustment_withdraw_reason
    check (withdraw_reason is null or length(trim(withdraw_reason)) > 0);
