-- Where a user is reached by e-mail (reminders), and in which language; both optional.
alter table app_user add column email text
  check (email is null or (length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+$'));
alter table app_user add column language text check (language is null or language in ('vi','en','de'));
