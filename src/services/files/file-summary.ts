/** A File's wire summary (spec §3.1), also snapshotted onto runs so they keep naming a deleted file. */
import type { Extend } from "extend-ai";
import type { FileRecord } from "../../storage/repositories/file-repository.ts";

export function fileSummaryOf(file: FileRecord): Extend.FileSummary {
  return {
    object: "file",
    id: file.id,
    name: file.name,
    type: file.type,
    parentFileId: file.parentFileId,
    metadata: file.metadata as Extend.FileMetadata,
    createdAt: file.createdAt.toISOString(),
    updatedAt: file.updatedAt.toISOString(),
  };
}
