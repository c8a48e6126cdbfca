/** The base URL a client used to reach us, for links Quire signs itself. */
import type { FastifyRequest } from "fastify";

/** publicUrl (QUIRE_PUBLIC_URL) wins; otherwise the scheme and Host of the request itself. */
export function baseUrlOf(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}
