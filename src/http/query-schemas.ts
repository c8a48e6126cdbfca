/** Query-string primitives as the SDK sends them: booleans as "true"/"false". */
import { z } from "zod";

export const queryBoolean = z
  .enum(["true", "false"], { message: "must be true or false" })
  .transform((value) => value === "true");
