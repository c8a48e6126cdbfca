/** Remembers the password of an encrypted PDF so later parses can open it. */
import { type FileRecord, updateFilePassword } from "../../storage/repositories/file-repository.ts";
import type { ServiceContext } from "../context.ts";

export async function setFilePassword(
  ctx: ServiceContext,
  file: FileRecord,
  password: string,
): Promise<FileRecord> {
  await updateFilePassword(ctx.db, file.id, password);
  return { ...file, password };
}
