-- Certificate module: the bodies that issue certificates, their signing keys, the certificates
-- (one per award) with their signed credential, and revocations. Award, unit and person ids refer to
-- the reward and organisation modules; no foreign key crosses modules.

create table issuing_body (
  code              text primary key,
  name_vi           text not null,
  name_en           text not null,
  -- next free position in the body's revocation status list (W3C Bitstring Status List)
  next_status_index int not null default 0 check (next_status_index >= 0),
  created_at        timestamptz not null default now()
);

create table signing_key (
  kid         text primary key,
  body_code   text not null references issuing_body(code),
  -- the public key as a JWK (published at /api/v1/certificates/keys)
  public_jwk  text not null,
  -- the PKCS#8 private key, AES-256-GCM encrypted under the installation's key secret
  -- (12-byte nonce followed by ciphertext and tag); never returned by any API
  private_key bytea not null,
  active      boolean not null default true,
  created_at  timestamptz not null default now()
);
create unique index signing_key_one_active on signing_key(body_code) where active;

create table certificate (
  id                  bigserial primary key,
  public_id           text not null unique,
  award_id            bigint not null unique,
  body_code           text not null references issuing_body(code),
  kid                 text not null references signing_key(kid),
  status_index        int not null,
  -- what the certificate says, as issued
  award_code          text not null,
  award_name_vi       text not null,
  award_name_en       text not null,
  recipient           text not null,
  recipient_name      text not null,
  person_id           bigint,
  unit_id             bigint not null,
  unit_code           text not null,
  unit_name           text not null,
  year                int not null,
  decision_number     text,
  decision_date       date,
  achievement         text,
  credential_jwt      text not null,
  issued_at           timestamptz not null,
  revoked_at          timestamptz,
  revocation_reason   text,
  revocation_decision text,
  version             int not null default 0,
  unique (body_code, status_index),
  check ((revoked_at is null) = (revocation_reason is null))
);
create index certificate_person on certificate(person_id) where person_id is not null;
create index certificate_unit on certificate(unit_id);
