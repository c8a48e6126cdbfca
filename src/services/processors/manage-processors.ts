/**
 * Extractors, classifiers and splitters share one lifecycle: create (from a config, or a clone of
 * another's draft), rename / replace the draft config, publish immutable major.minor versions, and
 * resolve a version reference (draft | latest | N.M | version id) for a run.
 */
import type { IdKind } from "../../domain/ids.ts";
import { newId } from "../../domain/ids.ts";
import { isVersionString, nextVersion, type ReleaseType } from "../../domain/versions.ts";
import { AppError, notFound } from "../../shared/app-error.ts";
import type { Page, PageRequest } from "../../storage/repositories/keyset-page.ts";
import {
  findLatestPublished,
  findProcessor,
  findVersion,
  insertProcessor,
  insertVersion,
  listProcessors as listProcessorRows,
  listVersions as listVersionRows,
  type ProcessorRecord,
  type ProcessorType,
  type ProcessorVersionRecord,
  renameProcessor,
  updateDraftConfig,
} from "../../storage/repositories/processor-repository.ts";
import type { ServiceContext } from "../context.ts";

const KINDS: Record<ProcessorType, { processor: IdKind; version: IdKind; label: string }> = {
  extractor: { processor: "extractor", version: "extractorVersion", label: "Extractor" },
  classifier: { processor: "classifier", version: "classifierVersion", label: "Classifier" },
  splitter: { processor: "splitter", version: "splitterVersion", label: "Splitter" },
};

export interface ProcessorWithDraft {
  readonly processor: ProcessorRecord;
  readonly draft: ProcessorVersionRecord;
}

export async function createProcessor(
  ctx: ServiceContext,
  workspaceId: string,
  type: ProcessorType,
  input: {
    readonly name: string;
    readonly config?: object | undefined;
    readonly cloneId?: string | undefined;
    readonly createdBy: object | null;
  },
): Promise<ProcessorWithDraft> {
  let config = input.config ?? {};
  if (input.cloneId !== undefined) {
    const source = await retrieveProcessor(ctx, workspaceId, type, input.cloneId);
    config = source.draft.config;
  }
  return ctx.db.transaction(async (tx) => {
    const processor = await insertProcessor(tx, {
      id: newId(KINDS[type].processor),
      workspaceId,
      type,
      name: input.name,
    });
    const draft = await insertVersion(tx, {
      id: newId(KINDS[type].version),
      processorId: processor.id,
      version: "draft",
      major: null,
      minor: null,
      description: null,
      config,
      createdBy: input.createdBy,
    });
    return { processor, draft };
  });
}

export async function retrieveProcessor(
  ctx: ServiceContext,
  workspaceId: string,
  type: ProcessorType,
  id: string,
): Promise<ProcessorWithDraft> {
  const processor = await findProcessor(ctx.db, workspaceId, type, id);
  if (processor === undefined) throw notFound(KINDS[type].label, id);
  const draft = await findVersion(ctx.db, id, "draft");
  if (draft === undefined) throw new Error(`${KINDS[type].label} ${id} has no draft version`);
  return { processor, draft };
}

export function listProcessors(
  ctx: ServiceContext,
  workspaceId: string,
  type: ProcessorType,
  page: PageRequest,
): Promise<Page<ProcessorRecord>> {
  return listProcessorRows(ctx.db, workspaceId, type, page);
}

/** Renames and/or replaces the draft's config (published versions never change). */
export async function updateProcessor(
  ctx: ServiceContext,
  workspaceId: string,
  type: ProcessorType,
  id: string,
  input: { readonly name?: string | undefined; readonly config?: object | undefined },
): Promise<ProcessorWithDraft> {
  await retrieveProcessor(ctx, workspaceId, type, id);
  await ctx.db.transaction(async (tx) => {
    if (input.config !== undefined) await updateDraftConfig(tx, id, input.config);
    await renameProcessor(tx, id, input.name);
  });
  return retrieveProcessor(ctx, workspaceId, type, id);
}

/**
 * Publishes the draft (or the given config, which then also becomes the draft) as the next version.
 * The processor row is locked so concurrent publishes get distinct version numbers.
 */
export async function publishVersion(
  ctx: ServiceContext,
  workspaceId: string,
  type: ProcessorType,
  id: string,
  input: {
    readonly releaseType: ReleaseType;
    readonly description?: string | undefined;
    readonly config?: object | undefined;
    readonly createdBy: object | null;
  },
): Promise<ProcessorVersionRecord> {
  await retrieveProcessor(ctx, workspaceId, type, id);
  return ctx.db.transaction(async (tx) => {
    await tx.query("select id from processors where id = $1 for update", [id]);
    if (input.config !== undefined) await updateDraftConfig(tx, id, input.config);
    const draft = await findVersion(tx, id, "draft");
    const latest = await findLatestPublished(tx, id);
    const next = nextVersion(
      latest === undefined ? undefined : { major: latest.major ?? 0, minor: latest.minor ?? 0 },
      input.releaseType,
    );
    const version = await insertVersion(tx, {
      id: newId(KINDS[type].version),
      processorId: id,
      version: next.version,
      major: next.major,
      minor: next.minor,
      description: input.description ?? null,
      config: draft?.config ?? {},
      createdBy: input.createdBy,
    });
    await renameProcessor(tx, id, undefined);
    return version;
  });
}

/**
 * Resolves a version reference: "draft"; "latest" or omitted → the newest published version, else the
 * draft; "N.M" or a version id → that version. Unknown → 404.
 */
export async function resolveVersion(
  ctx: ServiceContext,
  workspaceId: string,
  type: ProcessorType,
  id: string,
  reference: string | undefined,
): Promise<{ processor: ProcessorRecord; version: ProcessorVersionRecord }> {
  const { processor, draft } = await retrieveProcessor(ctx, workspaceId, type, id);
  if (reference === undefined || reference === "latest") {
    return { processor, version: (await findLatestPublished(ctx.db, id)) ?? draft };
  }
  if (reference === "draft") return { processor, version: draft };
  const version = await findVersion(ctx.db, id, reference);
  if (version === undefined) {
    throw new AppError(
      "NOT_FOUND",
      isVersionString(reference)
        ? `${KINDS[type].label} ${id} has no version ${reference}`
        : `${KINDS[type].label} version ${JSON.stringify(reference)} was not found`,
    );
  }
  return { processor, version };
}

export function listVersions(
  ctx: ServiceContext,
  workspaceId: string,
  type: ProcessorType,
  id: string,
  page: PageRequest,
): Promise<Page<ProcessorVersionRecord>> {
  return retrieveProcessor(ctx, workspaceId, type, id).then(() => listVersionRows(ctx.db, id, page));
}
