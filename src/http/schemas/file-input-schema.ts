/**
 * The `file` field of run requests (spec §1.12): exactly one of url | id | text | base64, told apart by
 * key presence. Which shapes an endpoint accepts is a parameter (text is refused by /parse, for example).
 */
import { z } from "zod";
import type { FileInput } from "../../services/files/file-input.ts";
import { invalidRequest } from "../../shared/app-error.ts";

const FileObjectSchema = z.object({
  url: z.string().min(1).max(8192).optional(),
  id: z.string().min(1).max(255).optional(),
  text: z.string().optional(),
  base64: z.string().min(1).optional(),
  name: z.string().min(1).max(255).optional(),
  settings: z.object({ password: z.string().optional() }).optional(),
});

export interface FileInputRules {
  readonly text: boolean;
}

export function fileInputSchema(rules: FileInputRules) {
  return FileObjectSchema.transform((value, ctx): FileInput => {
    const present = (["url", "id", "text", "base64"] as const).filter((key) => value[key] !== undefined);
    if (present.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message:
          present.length === 0
            ? `file must have one of ${rules.text ? "url, id, text or base64" : "url, id or base64"}`
            : `file must have exactly one of url, id, text or base64 (got ${present.join(", ")})`,
      });
      return z.NEVER;
    }
    if (value.text !== undefined) {
      if (!rules.text) {
        ctx.addIssue({
          code: "custom",
          message: "file.text is not accepted by this endpoint; upload the text or pass a url or id",
          path: ["text"],
        });
        return z.NEVER;
      }
      return { kind: "text", text: value.text, name: value.name };
    }
    if (value.id !== undefined) return { kind: "id", id: value.id };
    if (value.base64 !== undefined) return { kind: "base64", base64: value.base64, name: value.name };
    const url = value.url!;
    if (!/^https?:\/\//i.test(url)) throw invalidRequest("file.url must be an http or https URL", "file.url");
    return { kind: "url", url, name: value.name, password: value.settings?.password };
  });
}
