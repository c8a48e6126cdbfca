-- Extract, classify and split runs: the processor and version they ran with, the parse run they read,
-- their files (several for a package input) and their (small) JSON output.
alter table runs add column processor_id text;
alter table runs add column processor_summary jsonb;
alter table runs add column version_summary jsonb;
alter table runs add column parse_run_id text;
alter table runs add column file_summaries jsonb;
alter table runs add column output json;
alter table runs add column package_inputs jsonb;
create index runs_by_processor on runs (workspace_id, type, processor_id);

-- User-authored JSON keeps its key order: a schema's property order is its output order, and jsonb
-- would re-sort keys (shortest first). These columns are stored and returned, never queried into.
alter table runs alter column config type json using config::json;
alter table runs alter column metadata type json using metadata::json;
alter table processor_versions alter column config type json using config::json;
