/**
 * GET /signed/{token}: serves a blob named by a Quire-signed, expiring token (presigned URLs for the
 * local store). No API key: the signature is the credential, as with S3 presigned URLs.
 */
import type { FastifyInstance } from "fastify";
import { openBlob } from "../../../services/blobs/open-blob.ts";
import { verifyBlobToken } from "../../../services/blobs/signed-urls.ts";
import { AppError } from "../../../shared/app-error.ts";
import type { HttpDeps } from "../../http-deps.ts";

export function registerSignedBlobRoutes(app: FastifyInstance, deps: HttpDeps): void {
  app.get<{ Params: { token: string } }>(
    "/signed/:token",
    { config: { public: true } },
    async (request, reply) => {
      const verdict = verifyBlobToken(
        deps.services.settings.signingSecret,
        request.params.token,
        Date.now() / 1000,
      );
      if (!verdict.ok) {
        throw verdict.reason === "expired"
          ? new AppError("FORBIDDEN", "This link has expired; request a new one")
          : new AppError("FORBIDDEN", "This link is not valid");
      }
      const { blob } = verdict;
      const stream = await openBlob(deps.services, blob.key);
      return reply
        .type(blob.contentType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(blob.fileName)}`)
        .header("cache-control", "private, max-age=60")
        .send(stream);
    },
  );
}
