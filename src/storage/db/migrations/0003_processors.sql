-- Extractors, classifiers and splitters ("processors") share one shape: a named resource with an
-- editable draft version and immutable published versions (major.minor).
create table processors (
  id text primary key,
  workspace_id text not null references workspaces (id),
  type text not null,
  name text not null,
  created_at timestamptz not null default clock_timestamp(),
  updated_at timestamptz not null default clock_timestamp()
);

create index processors_by_workspace_type_created on processors (workspace_id, type, created_at, id);

create table processor_versions (
  id text primary key,
  processor_id text not null references processors (id) on delete cascade,
  -- 'draft' for the single editable version; 'N.M' for published ones
  version text not null,
  major integer,
  minor integer,
  description text,
  config jsonb not null,
  created_by jsonb,
  created_at timestamptz not null default clock_timestamp(),
  updated_at timestamptz not null default clock_timestamp(),
  unique (processor_id, version)
);

create index processor_versions_by_processor_created on processor_versions (processor_id, created_at, id);
