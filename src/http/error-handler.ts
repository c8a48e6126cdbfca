/**
 * The one place errors become HTTP responses, in Extend's shape {code, message, retryable, requestId}.
 * AppErrors carry their own status; fastify's own 4xx errors (bad JSON, oversize body, wrong content
 * type) are translated; anything else is a defect: logged with its stack and answered as a 500.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../shared/app-error.ts";
import type { ErrorCode } from "../shared/error-codes.ts";

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  requestId: string;
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError): FastifyReply {
  const body: ErrorBody = {
    code: error.code,
    message: error.message,
    retryable: error.retryable,
    requestId: request.id,
  };
  for (const [name, value] of Object.entries(error.headers)) void reply.header(name, value);
  return reply.status(error.status).type("application/json").send(body);
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  if (appError !== undefined) {
    if (appError.status >= 500) request.log.error({ err: error }, "request failed");
    return sendError(reply, request, appError);
  }
  request.log.error({ err: error }, "unhandled error");
  return sendError(
    reply,
    request,
    new AppError("INTERNAL_ERROR", "Internal error; the request id identifies it in the server log"),
  );
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status !== "number" || status < 400 || status >= 500) return undefined;
  switch (fastifyError.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
    case "FST_REQ_FILE_TOO_LARGE":
      return new AppError("FILE_SIZE_TOO_LARGE", "Request body exceeds the size limit", { cause: error });
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new AppError("INVALID_REQUEST", "Unsupported Content-Type: send application/json", {
        cause: error,
      });
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return new AppError("INVALID_REQUEST", "Request body is required", { cause: error });
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return new AppError("INVALID_REQUEST", "Expected a multipart/form-data body with a 'file' part", {
        cause: error,
      });
    default:
      return new AppError("INVALID_REQUEST", fastifyError.message ?? "Invalid request", { cause: error });
  }
}
