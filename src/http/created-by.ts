/** Extend's `createdBy` for objects made through the API: the API key's name. */
import type { Extend } from "extend-ai";
import type { FastifyRequest } from "fastify";

export function createdByOf(request: FastifyRequest): Extend.CreatedBy {
  return { type: "api_key", name: request.auth.keyName };
}
