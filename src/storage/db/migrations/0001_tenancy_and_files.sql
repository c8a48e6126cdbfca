-- Organizations own workspaces; API keys are scoped to one workspace or to the whole organization.
create table organizations (
  id text primary key,
  name text not null,
  created_at timestamptz not null default clock_timestamp()
);

create table workspaces (
  id text primary key,
  organization_id text not null references organizations (id),
  name text not null,
  is_default boolean not null default false,
  created_at timestamptz not null default clock_timestamp()
);

create unique index workspaces_one_default_per_org on workspaces (organization_id) where is_default;

-- key_hash is sha256(token) in hex: tokens are 190-bit random strings, so a fast hash is enough.
create table api_keys (
  id text primary key,
  organization_id text not null references organizations (id),
  workspace_id text references workspaces (id),
  name text not null,
  key_hash text not null unique,
  key_hint text not null,
  created_at timestamptz not null default clock_timestamp(),
  revoked_at timestamptz
);

create table settings (
  key text primary key,
  value text not null
);

create table files (
  id text primary key,
  workspace_id text not null references workspaces (id),
  name text not null,
  type text,
  media_type text not null,
  size_bytes bigint not null,
  sha256 text not null,
  blob_key text not null,
  parent_file_id text,
  metadata jsonb not null default '{}',
  password text,
  contents jsonb,
  created_at timestamptz not null default clock_timestamp(),
  updated_at timestamptz not null default clock_timestamp()
);

create index files_by_workspace_created on files (workspace_id, created_at, id);
create index files_by_sha256 on files (workspace_id, sha256);
