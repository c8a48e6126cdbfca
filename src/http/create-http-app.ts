/**
 * The fastify application: request ids, API version, auth, rate limit, body parsing, the error handler
 * and every resource router, in that order. Transport only: no business rules and no SQL here.
 */
import multipart from "@fastify/multipart";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
} from "fastify";
import { newId } from "../domain/ids.ts";
import type { AuthContext } from "../services/auth/authenticate.ts";
import { AppError } from "../shared/app-error.ts";
import { resolveApiVersion } from "./api-version.ts";
import { handleError } from "./error-handler.ts";
import type { HttpDeps } from "./http-deps.ts";
import { registerRetrieveBatchRun } from "./routes/batch-runs/retrieve-batch-run.ts";
import { registerExtractRunRoutes } from "./routes/extract-runs/extract-runs-router.ts";
import { registerExtractorRoutes } from "./routes/extractors/extractors-router.ts";
import { registerFileRoutes } from "./routes/files/files-router.ts";
import { registerHealthRoutes } from "./routes/health/healthz.ts";
import { registerParse } from "./routes/parse/parse.ts";
import { registerParseRunRoutes } from "./routes/parse-runs/parse-runs-router.ts";
import { registerSignedBlobRoutes } from "./routes/signed-blobs/download-signed-blob.ts";

declare module "fastify" {
  interface FastifyRequest {
    auth: AuthContext;
    apiVersion: string;
  }
  interface FastifyContextConfig {
    /** Route needs no API key (health, signed downloads). */
    public?: boolean;
  }
}

export async function createHttpApp(deps: HttpDeps): Promise<FastifyInstance> {
  const maxUpload = deps.services.settings.maxUploadBytes;
  const app: FastifyInstance = Fastify({
    // pino's Logger and fastify's FastifyBaseLogger differ only in optional members under exactOptionalPropertyTypes.
    loggerInstance: deps.logger as FastifyBaseLogger,
    genReqId: () => newId("request"),
    // Our onResponse hook logs one line per request; fastify's own two lines per request are off.
    logController: new LogController({ requestIdLogLabel: "requestId", disableRequestLogging: true }),
    // JSON bodies may carry base64 files: allow their encoded size plus room for the rest of the body.
    bodyLimit: Math.ceil((maxUpload * 4) / 3) + 1024 * 1024,
    forceCloseConnections: true,
    return503OnClosing: true,
    // Signed download tokens travel as a path parameter and are longer than the default 100.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
  });

  app.decorateRequest("auth", null as unknown as AuthContext);
  app.decorateRequest("apiVersion", "");

  app.removeContentTypeParser("application/json");
  app.addContentTypeParser(
    ["application/json", "text/json"],
    { parseAs: "string" },
    (_request, body, done) => {
      const text = String(body);
      if (text.trim() === "") {
        done(null, undefined);
        return;
      }
      try {
        done(null, JSON.parse(text));
      } catch (error) {
        done(
          new AppError("INVALID_REQUEST", `Request body is not valid JSON: ${(error as Error).message}`),
          undefined,
        );
      }
    },
  );
  await app.register(multipart, {
    // One byte over our limit, so MeasureStream (not busboy's silent truncation) reports the overflow.
    limits: { fileSize: maxUpload + 1, files: 1, fields: 10, fieldSize: 64 * 1024 },
    throwFileSizeLimit: true,
  });

  app.addHook("onRequest", async (request, reply) => {
    void reply.header("x-extend-request-id", request.id);
    if (request.routeOptions.config.public === true) return;
    request.apiVersion = resolveApiVersion(request.headers["x-extend-api-version"]);
    request.auth = await deps.authenticator.authenticate(
      request.headers.authorization,
      headerValue(request, "x-extend-workspace-id"),
    );
    const waitSeconds = deps.rateLimiter.take(request.auth.keyId);
    if (waitSeconds > 0) {
      const retryAfter = Math.max(1, Math.ceil(waitSeconds));
      throw new AppError("RATE_LIMIT_EXCEEDED", "Too many requests. Back off and retry.", {
        headers: {
          "retry-after": String(retryAfter),
          "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + retryAfter),
        },
      });
    }
  });
  app.addHook("onResponse", async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      "request",
    );
  });

  app.setErrorHandler((error, request, reply) => handleError(error, request, reply));
  app.setNotFoundHandler((request, reply) =>
    handleError(
      new AppError("NOT_FOUND", `No route for ${request.method} ${request.url.split("?")[0]}`),
      request,
      reply,
    ),
  );

  registerHealthRoutes(app, deps);
  registerSignedBlobRoutes(app, deps);
  registerFileRoutes(app, deps);
  registerParse(app, deps);
  registerParseRunRoutes(app, deps);
  registerRetrieveBatchRun(app, deps);
  registerExtractorRoutes(app, deps);
  registerExtractRunRoutes(app, deps);
  return app;
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
