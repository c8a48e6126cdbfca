/**
 * A minimal client for OpenAI-compatible chat completions (`POST ${baseUrl}/chat/completions`) with a
 * strict JSON-schema response format: plain `fetch`, a per-attempt timeout, retries with backoff on
 * 429/5xx and network failures, and errors that say what failed and how often it was tried.
 */

export interface OpenAiCompatibleLlmClientOptions {
  /** e.g. `https://api.openai.com/v1` (a trailing slash is ignored). */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <apiKey>`; omitted when empty (local servers). */
  readonly apiKey: string;
  readonly model: string;
  /** Per attempt. */
  readonly timeoutMs: number;
  /** Retries after the first attempt (default 3). */
  readonly maxRetries?: number;
  /** First backoff delay; doubled each retry, Retry-After honoured when larger (default 500 ms). */
  readonly retryBaseMs?: number;
}

export interface ChatMessage {
  readonly role: "system" | "user" | "assistant";
  readonly content: string;
}

export interface JsonCompletionRequest {
  readonly messages: readonly ChatMessage[];
  /** The `json_schema.name` (letters, digits, `_`, `-`). */
  readonly schemaName: string;
  /** A strict-mode JSON schema (every property required, additionalProperties false). */
  readonly schema: Record<string, unknown>;
}

/** A transport or protocol failure talking to the model. `status` is the last HTTP status, if any. */
export class LlmRequestError extends Error {
  readonly status: number | undefined;
  readonly attempts: number;
  readonly retryable: boolean;

  constructor(
    message: string,
    details: { status?: number; attempts: number; retryable: boolean; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "LlmRequestError";
    this.status = details.status;
    this.attempts = details.attempts;
    this.retryable = details.retryable;
  }
}

const MAX_BACKOFF_MS = 30_000;

export class OpenAiCompatibleLlmClient {
  private readonly options: OpenAiCompatibleLlmClientOptions;
  private readonly endpoint: string;
  private readonly maxRetries: number;
  private readonly retryBaseMs: number;

  constructor(options: OpenAiCompatibleLlmClientOptions) {
    this.options = options;
    this.endpoint = `${options.baseUrl.replace(/\/+$/, "")}/chat/completions`;
    this.maxRetries = options.maxRetries ?? 3;
    this.retryBaseMs = options.retryBaseMs ?? 500;
  }

  get model(): string {
    return this.options.model;
  }

  /** Resolves with the parsed JSON object the model returned; rejects with LlmRequestError. */
  async completeJson(request: JsonCompletionRequest, signal?: AbortSignal): Promise<unknown> {
    const body = JSON.stringify({
      model: this.options.model,
      messages: request.messages,
      temperature: 0,
      response_format: {
        type: "json_schema",
        json_schema: { name: request.schemaName, schema: request.schema, strict: true },
      },
    });
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (this.options.apiKey !== "") headers.authorization = `Bearer ${this.options.apiKey}`;
    let lastError: LlmRequestError | undefined;
    for (let attempt = 1; attempt <= this.maxRetries + 1; attempt++) {
      signal?.throwIfAborted();
      let retryAfterMs: number | undefined;
      try {
        const response = await fetch(this.endpoint, {
          method: "POST",
          headers,
          body,
          signal: combine(signal, AbortSignal.timeout(this.options.timeoutMs)),
        });
        const text = await response.text();
        if (response.ok) return parseCompletion(text, this.endpoint, attempt);
        const retryable = response.status === 429 || response.status >= 500;
        lastError = new LlmRequestError(
          `LLM request to ${this.endpoint} failed with HTTP ${response.status} after ${attempt} attempt(s): ${snippet(text)}`,
          { status: response.status, attempts: attempt, retryable },
        );
        if (!retryable) throw lastError;
        retryAfterMs = retryAfter(response.headers.get("retry-after"));
      } catch (error) {
        if (error instanceof LlmRequestError) {
          if (!error.retryable) throw error;
          lastError = error;
        } else if (signal?.aborted) throw signal.reason;
        else {
          const timedOut = error instanceof DOMException && error.name === "TimeoutError";
          lastError = new LlmRequestError(
            timedOut
              ? `LLM request to ${this.endpoint} timed out after ${this.options.timeoutMs} ms (attempt ${attempt})`
              : `LLM request to ${this.endpoint} failed after ${attempt} attempt(s): ${messageOf(error)}`,
            { attempts: attempt, retryable: true, cause: error },
          );
        }
      }
      if (attempt <= this.maxRetries) {
        const backoff = Math.min(MAX_BACKOFF_MS, this.retryBaseMs * 2 ** (attempt - 1));
        await sleep(Math.max(backoff, retryAfterMs ?? 0), signal);
      }
    }
    throw (
      lastError ??
      new LlmRequestError(`LLM request to ${this.endpoint} failed`, { attempts: 0, retryable: false })
    );
  }
}

/** The first choice's message content, parsed as JSON. A refusal or non-JSON content is not retried. */
function parseCompletion(text: string, endpoint: string, attempts: number): unknown {
  const fail = (why: string): LlmRequestError =>
    new LlmRequestError(`LLM response from ${endpoint} ${why}: ${snippet(text)}`, {
      attempts,
      retryable: false,
    });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw fail("is not JSON");
  }
  const choice = (body as { choices?: { message?: { content?: unknown; refusal?: unknown } }[] })
    .choices?.[0];
  const message = choice?.message;
  if (typeof message?.refusal === "string" && message.refusal !== "")
    throw fail(`was a refusal (${message.refusal})`);
  if (typeof message?.content !== "string") throw fail("has no choices[0].message.content");
  try {
    return JSON.parse(message.content);
  } catch {
    throw fail("content is not valid JSON");
  }
}

function combine(outer: AbortSignal | undefined, timeout: AbortSignal): AbortSignal {
  return outer === undefined ? timeout : AbortSignal.any([outer, timeout]);
}

function retryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(MAX_BACKOFF_MS, Math.max(0, seconds * 1000));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.min(MAX_BACKOFF_MS, Math.max(0, date - Date.now()));
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat === "" ? "(empty body)" : flat;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}
