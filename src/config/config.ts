/**
 * The configuration schema: every environment variable Quire reads, with its default and meaning.
 * This module is the ONLY reader of process.env (main.ts passes it in); loadConfig is pure so tests
 * pass a literal. Invalid values fail startup with every problem listed at once.
 */
import { availableParallelism } from "node:os";
import path from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value));

const commaList = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim().toLowerCase())
      .filter((item) => item !== ""),
  );

const MIB = 1024 * 1024;

/** Every variable: name → [schema, one-line meaning]. docs/CONFIGURATION.md is checked against this table. */
export const CONFIG_VARIABLES = {
  PORT: [z.coerce.number().int().min(0).max(65535).default(8080), "HTTP port."],
  HOST: [z.string().default("127.0.0.1"), "Interface to bind; 0.0.0.0 to accept remote connections."],
  QUIRE_DATA_DIR: [z.string().default("./data"), "Directory for the embedded database and local blobs."],
  QUIRE_API_KEY: [
    optionalString,
    "If set, a workspace-scoped API key with exactly this value exists after startup (idempotent).",
  ],
  QUIRE_PUBLIC_URL: [
    optionalString,
    "Base URL clients use to reach Quire, for signed download links. Default: the request's own host.",
  ],
  QUIRE_SIGNING_SECRET: [
    optionalString,
    "HMAC secret for signed URLs. Default: a random secret generated once and kept in the database.",
  ],
  QUIRE_ROLE: [z.enum(["all", "api", "worker"]).default("all"), "Which roles this process runs."],
  LOG_LEVEL: [
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    "pino log level.",
  ],
  DATABASE_URL: [optionalString, "PostgreSQL connection string. Unset: embedded PGlite in QUIRE_DATA_DIR."],
  DATABASE_POOL_SIZE: [
    z.coerce.number().int().min(1).max(200).default(10),
    "PostgreSQL pool size per process.",
  ],
  BLOB_STORE: [
    z.enum(["local", "s3"]).default("local"),
    "Where file bytes live: local disk or S3-compatible.",
  ],
  S3_BUCKET: [optionalString, "S3 bucket (BLOB_STORE=s3)."],
  S3_REGION: [z.string().default("us-east-1"), "S3 region."],
  S3_ENDPOINT: [optionalString, "S3-compatible endpoint URL (MinIO, R2, …). Unset: AWS."],
  S3_ACCESS_KEY_ID: [optionalString, "S3 access key id. Unset: the AWS SDK's default credential chain."],
  S3_SECRET_ACCESS_KEY: [optionalString, "S3 secret access key."],
  S3_FORCE_PATH_STYLE: [
    bool.default(false),
    "Use path-style S3 URLs (needed by most S3-compatible servers).",
  ],
  S3_PREFIX: [z.string().default(""), "Key prefix inside the bucket."],
  MAX_UPLOAD_BYTES: [
    z.coerce
      .number()
      .int()
      .min(1)
      .default(100 * MIB),
    "Largest accepted file (413 above).",
  ],
  PRESIGNED_URL_TTL_SECONDS: [
    z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 3600)
      .default(900),
    "Lifetime of presigned download URLs (Extend: 15 minutes).",
  ],
  RATE_LIMIT_PER_SECOND: [
    z.coerce.number().min(0).default(100),
    "Sustained requests per second per API key; 0 disables rate limiting.",
  ],
  RATE_LIMIT_BURST: [z.coerce.number().int().min(1).default(200), "Requests a key may burst above the rate."],
  MAX_PAGES: [
    z.coerce.number().int().min(1).default(10_000),
    "Documents with more pages fail FILE_SIZE_TOO_LARGE before parsing.",
  ],
  SYNC_TIMEOUT_MS: [
    z.coerce.number().int().min(1000).max(295_000).default(290_000),
    "How long POST /parse waits before answering with the run still PROCESSING (SDK timeout: 300 s).",
  ],
  ENGINE_THREADS: [
    z.coerce.number().int().min(0).default(0),
    "Worker threads for document work; 0 = one per CPU core.",
  ],
  WORKER_CONCURRENCY: [
    z.coerce.number().int().min(0).default(0),
    "Runs one worker process executes at once; 0 = engine threads + 1 (overlaps I/O with CPU work).",
  ],
  SHUTDOWN_GRACE_MS: [
    z.coerce.number().int().min(0).default(30_000),
    "On SIGTERM, how long in-flight runs may finish before they are released to other workers.",
  ],
  OCR_ENGINE: [
    z.enum(["auto", "tesseract-cli", "tesseract-js", "none"]).default("auto"),
    "OCR for pages without a text layer: auto = the tesseract CLI when installed, else tesseract.js.",
  ],
  LIBREOFFICE_PATH: [
    z.string().default("auto"),
    "soffice binary converting legacy Office, OpenDocument and RTF files (and Word/PowerPoint uploads) to PDF: auto = soffice or libreoffice on the PATH when installed; none = never convert.",
  ],
  LIBREOFFICE_TIMEOUT_MS: [
    z.coerce.number().int().min(1000).default(120_000),
    "Longest one LibreOffice conversion may take; it is then killed and fails FAILED_TO_CONVERT_TO_PDF.",
  ],
  LIBREOFFICE_CONCURRENCY: [
    z.coerce.number().int().min(1).default(2),
    "LibreOffice conversions at once per thread (each process takes ~200 MB); the rest wait.",
  ],
  EXTRACTION_ENGINE: [
    z.enum(["local", "openai-compatible"]).default("local"),
    "Field extraction: local (offline, deterministic) or openai-compatible (any chat-completions server).",
  ],
  LLM_BASE_URL: [
    optionalString,
    "OpenAI-compatible API base URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.",
  ],
  LLM_API_KEY: [optionalString, "Bearer key for LLM_BASE_URL (omit for servers without auth)."],
  LLM_MODEL: [
    optionalString,
    "Model name sent to LLM_BASE_URL (must support json_schema structured output).",
  ],
  LLM_TIMEOUT_MS: [z.coerce.number().int().min(1000).default(120_000), "Timeout of one LLM request attempt."],
  LLM_MAX_CHARACTERS_PER_WINDOW: [
    z.coerce.number().int().min(1000).default(60_000),
    "Document characters sent per LLM request; longer documents are extracted in windows and merged.",
  ],
  FILE_URL_ALLOW_PRIVATE: [
    bool.default(false),
    "Allow file URLs that resolve to loopback, private or link-local addresses (SSRF guard off).",
  ],
  FILE_URL_ALLOWED_HOSTS: [
    commaList,
    "Comma-separated host names exempt from the SSRF guard (e.g. an internal MinIO).",
  ],
  FILE_URL_TIMEOUT_MS: [
    z.coerce.number().int().min(100).default(30_000),
    "Timeout for downloading a file URL.",
  ],
} as const;

type Variables = typeof CONFIG_VARIABLES;
type RawValues = { [K in keyof Variables]: z.output<Variables[K][0]> };

export interface Config {
  readonly http: { readonly port: number; readonly host: string; readonly publicUrl: string | undefined };
  readonly role: "all" | "api" | "worker";
  readonly logLevel: RawValues["LOG_LEVEL"];
  readonly dataDir: string;
  readonly apiKey: string | undefined;
  readonly signingSecret: string | undefined;
  readonly database:
    | { readonly kind: "pglite"; readonly dataDir: string }
    | { readonly kind: "postgres"; readonly url: string; readonly poolSize: number };
  readonly blobs:
    | { readonly kind: "local"; readonly root: string }
    | {
        readonly kind: "s3";
        readonly bucket: string;
        readonly region: string;
        readonly endpoint: string | undefined;
        readonly accessKeyId: string | undefined;
        readonly secretAccessKey: string | undefined;
        readonly forcePathStyle: boolean;
        readonly prefix: string;
      };
  readonly limits: { readonly maxUploadBytes: number; readonly presignedUrlTtlSeconds: number };
  readonly runs: {
    readonly maxPages: number;
    readonly syncTimeoutMs: number;
    readonly engineThreads: number;
    readonly workerConcurrency: number;
    readonly shutdownGraceMs: number;
  };
  readonly rateLimit: { readonly perSecond: number; readonly burst: number };
  readonly extraction:
    | { readonly engine: "local" }
    | {
        readonly engine: "openai-compatible";
        readonly baseUrl: string;
        readonly apiKey: string;
        readonly model: string;
        readonly timeoutMs: number;
        readonly maxCharactersPerWindow: number;
      };
  readonly ocrEngine: "auto" | "tesseract-cli" | "tesseract-js" | "none";
  /** `path`: "auto" (look on the PATH), "none", or the soffice binary. */
  readonly libreOffice: { readonly path: string; readonly timeoutMs: number; readonly concurrency: number };
  readonly fileUrls: {
    readonly allowPrivate: boolean;
    readonly allowedHosts: readonly string[];
    readonly timeoutMs: number;
  };
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

function buildSchema() {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, [schema]] of Object.entries(CONFIG_VARIABLES)) shape[name] = schema;
  return z.object(shape);
}

/** Pure: reads only the given environment object. Throws ConfigError listing every problem. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = buildSchema().safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) =>
          `${issue.path.join(".")}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`,
      ),
    );
  }
  const raw = parsed.data as RawValues;
  const problems: string[] = [];
  if (raw.BLOB_STORE === "s3" && raw.S3_BUCKET === undefined)
    problems.push("S3_BUCKET: required when BLOB_STORE=s3");
  if (raw.QUIRE_ROLE !== "all" && raw.DATABASE_URL === undefined) {
    problems.push("QUIRE_ROLE: separate api/worker processes need a shared PostgreSQL (set DATABASE_URL)");
  }
  if (raw.QUIRE_PUBLIC_URL !== undefined && !/^https?:\/\//.test(raw.QUIRE_PUBLIC_URL)) {
    problems.push("QUIRE_PUBLIC_URL: must start with http:// or https://");
  }
  if (raw.EXTRACTION_ENGINE === "openai-compatible") {
    if (raw.LLM_BASE_URL === undefined)
      problems.push("LLM_BASE_URL: required when EXTRACTION_ENGINE=openai-compatible");
    if (raw.LLM_MODEL === undefined)
      problems.push("LLM_MODEL: required when EXTRACTION_ENGINE=openai-compatible");
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(raw.QUIRE_DATA_DIR);
  const engineThreads = raw.ENGINE_THREADS === 0 ? availableParallelism() : raw.ENGINE_THREADS;
  const config: Config = {
    http: { port: raw.PORT, host: raw.HOST, publicUrl: raw.QUIRE_PUBLIC_URL?.replace(/\/+$/, "") },
    role: raw.QUIRE_ROLE,
    logLevel: raw.LOG_LEVEL,
    dataDir,
    apiKey: raw.QUIRE_API_KEY,
    signingSecret: raw.QUIRE_SIGNING_SECRET,
    database:
      raw.DATABASE_URL === undefined
        ? { kind: "pglite", dataDir: path.join(dataDir, "db") }
        : { kind: "postgres", url: raw.DATABASE_URL, poolSize: raw.DATABASE_POOL_SIZE },
    blobs:
      raw.BLOB_STORE === "local"
        ? { kind: "local", root: path.join(dataDir, "blobs") }
        : {
            kind: "s3",
            bucket: raw.S3_BUCKET!,
            region: raw.S3_REGION,
            endpoint: raw.S3_ENDPOINT,
            accessKeyId: raw.S3_ACCESS_KEY_ID,
            secretAccessKey: raw.S3_SECRET_ACCESS_KEY,
            forcePathStyle: raw.S3_FORCE_PATH_STYLE,
            prefix: raw.S3_PREFIX,
          },
    limits: { maxUploadBytes: raw.MAX_UPLOAD_BYTES, presignedUrlTtlSeconds: raw.PRESIGNED_URL_TTL_SECONDS },
    rateLimit: { perSecond: raw.RATE_LIMIT_PER_SECOND, burst: raw.RATE_LIMIT_BURST },
    extraction:
      raw.EXTRACTION_ENGINE === "local"
        ? { engine: "local" }
        : {
            engine: "openai-compatible",
            baseUrl: raw.LLM_BASE_URL!,
            apiKey: raw.LLM_API_KEY ?? "",
            model: raw.LLM_MODEL!,
            timeoutMs: raw.LLM_TIMEOUT_MS,
            maxCharactersPerWindow: raw.LLM_MAX_CHARACTERS_PER_WINDOW,
          },
    ocrEngine: raw.OCR_ENGINE,
    libreOffice: {
      path: raw.LIBREOFFICE_PATH,
      timeoutMs: raw.LIBREOFFICE_TIMEOUT_MS,
      concurrency: raw.LIBREOFFICE_CONCURRENCY,
    },
    runs: {
      maxPages: raw.MAX_PAGES,
      syncTimeoutMs: raw.SYNC_TIMEOUT_MS,
      engineThreads: engineThreads,
      workerConcurrency: raw.WORKER_CONCURRENCY === 0 ? engineThreads + 1 : raw.WORKER_CONCURRENCY,
      shutdownGraceMs: raw.SHUTDOWN_GRACE_MS,
    },
    fileUrls: {
      allowPrivate: raw.FILE_URL_ALLOW_PRIVATE,
      allowedHosts: raw.FILE_URL_ALLOWED_HOSTS,
      timeoutMs: raw.FILE_URL_TIMEOUT_MS,
    },
  };
  return deepFreeze(config);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
