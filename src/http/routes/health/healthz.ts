/** GET /healthz: 200 once the database is migrated and the server accepts work, 503 while draining. */
import type { FastifyInstance } from "fastify";
import type { HttpDeps } from "../../http-deps.ts";

export function registerHealthRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get("/healthz", { config: { public: true } }, async (_request, reply) => {
    if (!deps.isReady()) return reply.status(503).send({ status: "unavailable" });
    return { status: "ok" };
  });
}
