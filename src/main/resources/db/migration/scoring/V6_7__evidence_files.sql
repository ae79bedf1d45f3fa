-- Evidence files of a manual criterion on a sheet: stored on disk under a random key (outside the
-- web root), the uploaded name kept for display only, the type told by the content. A sheet's files
-- change only while it is a draft; they go with the sheet.
create table evidence_file (
  id           bigint generated always as identity primary key,
  sheet_id     bigint not null references sheet(id) on delete cascade,
  criterion    text not null,
  file_name    text not null check (length(file_name) between 1 and 255),
  media_type   text not null,
  size_bytes   bigint not null check (size_bytes > 0),
  sha256       text not null,
  storage_key  text not null unique,
  uploaded_by  text not null,
  uploaded_at  timestamptz not null
);
create index evidence_file_sheet on evidence_file(sheet_id, criterion);
