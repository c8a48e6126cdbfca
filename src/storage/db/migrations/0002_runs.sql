-- Runs of every type share one table and one lifecycle; type-specific data lives in jsonb columns.
create table batches (
  id text primary key,
  workspace_id text not null references workspaces (id),
  type text not null,
  run_count integer not null,
  cancelled boolean not null default false,
  created_at timestamptz not null default clock_timestamp(),
  updated_at timestamptz not null default clock_timestamp()
);

create table runs (
  id text primary key,
  workspace_id text not null references workspaces (id),
  type text not null,
  batch_id text references batches (id) on delete set null,
  -- null while a batch input URL awaits download (pending_input holds it)
  file_id text references files (id) on delete set null,
  -- the file's summary as it was, so a run still shows its file after the file is deleted
  file_summary jsonb,
  pending_input jsonb,
  status text not null,
  failure_reason text,
  failure_message text,
  metadata jsonb,
  config jsonb not null,
  output_blob_key text,
  metrics jsonb,
  usage jsonb,
  source text not null default 'API',
  source_id text,
  priority integer not null default 50,
  attempts integer not null default 0,
  created_at timestamptz not null default clock_timestamp(),
  updated_at timestamptz not null default clock_timestamp(),
  started_at timestamptz,
  finished_at timestamptz
);

create index runs_by_workspace_type_created on runs (workspace_id, type, created_at, id);
create index runs_by_batch on runs (batch_id, status);
create index runs_by_status on runs (workspace_id, type, status);

-- Parse outputs reused across runs: same bytes, same effective config, same engine version.
create table parse_cache (
  cache_key text primary key,
  output_blob_key text not null,
  page_count integer not null,
  created_at timestamptz not null default clock_timestamp()
);
