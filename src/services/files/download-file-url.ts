/**
 * Opens a `{ url }` file input as a byte stream without letting the URL reach internal services (SSRF):
 * every hop's addresses are checked and the socket is pinned to them, redirects are followed by hand,
 * and slow or oversized responses fail with an AppError instead of tying up a worker.
 */
import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns/promises";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Readable } from "node:stream";
import { AppError, invalidRequest } from "../../shared/app-error.ts";
import { limitDownloadBody } from "./download-file-url-body.ts";
import { fileNameFromResponse } from "./download-file-url-name.ts";
import { classifyIpAddress, describeIpAddressClass } from "./ip-ranges.ts";
import { pinnedLookup } from "./pinned-lookup.ts";

export interface UrlDownloadPolicy {
  /** Skip the SSRF guard entirely (FILE_URL_ALLOW_PRIVATE). */
  readonly allowPrivate: boolean;
  /** Host names (or IP literals) exempt from the guard, matched case-insensitively and exactly (FILE_URL_ALLOWED_HOSTS). */
  readonly allowedHosts: readonly string[];
  /** Budget for DNS + connect + response headers across all redirects; also the longest body stall. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects?: number;
}

export interface DownloadedUrl {
  /** The body; errors with FILE_SIZE_TOO_LARGE or UNABLE_TO_DOWNLOAD_FILE if it overflows, stalls or breaks. */
  readonly stream: Readable;
  readonly fileName: string;
  /** The Content-Type header as sent (parameters included), if any. */
  readonly contentType: string | undefined;
  readonly contentLength: number | undefined;
  /** The URL that answered 2xx, after redirects, with any user:password removed so it is safe to log or store. */
  readonly finalUrl: string;
}

const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const ALLOW_HINT =
  "private addresses are refused (set FILE_URL_ALLOW_PRIVATE=true or FILE_URL_ALLOWED_HOSTS to allow)";
const REQUEST_HEADERS = {
  accept: "*/*",
  // The stream is stored as-is, so ask for the bytes of the file rather than a compressed transfer.
  "accept-encoding": "identity",
  "user-agent": "Quire file-url fetcher",
};

export async function openFileUrl(
  url: string,
  policy: UrlDownloadPolicy,
  signal?: AbortSignal,
): Promise<DownloadedUrl> {
  let current = parseHttpUrl(url);
  if (current === undefined) throw invalidRequest("file.url must be an http or https URL", "file.url");
  const maxRedirects = policy.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const trusted = new Set(policy.allowedHosts.map(normalizeHost));

  const deadline = new AbortController();
  const timer = setTimeout(
    () =>
      deadline.abort(
        new AppError("UNABLE_TO_DOWNLOAD_FILE", `file.url did not respond within ${policy.timeoutMs} ms`),
      ),
    policy.timeoutMs,
  );
  const headerSignal = signal === undefined ? deadline.signal : AbortSignal.any([signal, deadline.signal]);
  try {
    for (let hop = 0; ; hop++) {
      const subject = hop === 0 ? "file.url" : `file.url (after ${hop} redirect${hop === 1 ? "" : "s"})`;
      const hostname = bareHostname(current);
      const pinned =
        policy.allowPrivate || trusted.has(normalizeHost(hostname))
          ? undefined
          : await resolvePublicAddresses(hostname, subject, headerSignal);
      const response = await sendRequest(current, hostname, pinned, headerSignal);
      const status = response.statusCode ?? 0;

      if (REDIRECT_STATUSES.has(status)) {
        response.destroy();
        if (hop >= maxRedirects) {
          throw unableToDownload(`file.url redirected more than ${maxRedirects} times; giving up`);
        }
        current = redirectTarget(response.headers.location, current, subject);
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw unableToDownload(
          `${subject} answered HTTP ${status} ${response.statusMessage ?? ""}`.trimEnd(),
        );
      }
      const contentLength = parseContentLength(response.headers["content-length"]);
      if (contentLength !== undefined && contentLength > policy.maxBytes) {
        response.destroy();
        throw new AppError(
          "FILE_SIZE_TOO_LARGE",
          `file.url is ${contentLength} bytes, above the maximum size of ${policy.maxBytes} bytes (MAX_UPLOAD_BYTES)`,
        );
      }
      return {
        stream: limitDownloadBody(response, {
          maxBytes: policy.maxBytes,
          stallTimeoutMs: policy.timeoutMs,
          signal,
        }),
        fileName: fileNameFromResponse(response.headers["content-disposition"], current),
        contentType: response.headers["content-type"],
        contentLength,
        finalUrl: withoutCredentials(current),
      };
    }
  } catch (error) {
    // Whichever signal fired first owns the error: our deadline's AppError, or the caller's own abort reason.
    if (headerSignal.aborted) throw headerSignal.reason;
    throw toDownloadError(error);
  } finally {
    clearTimeout(timer);
  }
}

function parseHttpUrl(value: string, base?: URL): URL | undefined {
  if (!URL.canParse(value, base?.href)) return undefined;
  const parsed = new URL(value, base);
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed : undefined;
}

function redirectTarget(location: string | undefined, from: URL, subject: string): URL {
  if (location === undefined || location === "") {
    throw unableToDownload(`${subject} answered a redirect without a Location header`);
  }
  const target = parseHttpUrl(location, from);
  if (target === undefined) throw unableToDownload(`${subject} redirected to a non-http(s) or invalid URL`);
  return target;
}

/**
 * Resolves the host and refuses it unless EVERY address is public (an attacker controls which one the
 * connection would pick). Returns a lookup that hands back exactly these addresses, so a second DNS answer
 * (rebinding) can never be what the socket connects to; undefined for IP literals, which need no lookup.
 */
async function resolvePublicAddresses(
  hostname: string,
  subject: string,
  signal: AbortSignal,
): Promise<LookupFunction | undefined> {
  const literalClass = classifyIpAddress(hostname);
  if (literalClass !== undefined) {
    if (literalClass !== "public") {
      throw unableToDownload(
        `${subject} resolves to ${hostname}, ${describeIpAddressClass(literalClass)}; ${ALLOW_HINT}`,
      );
    }
    return undefined;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await untilAborted(dnsLookup(hostname, { all: true, order: "verbatim" }), signal);
  } catch (error) {
    if (signal.aborted) throw error;
    throw unableToDownload(`${subject} host ${hostname} could not be resolved`, error);
  }
  if (addresses.length === 0) throw unableToDownload(`${subject} host ${hostname} has no addresses`);
  for (const { address } of addresses) {
    const kind = classifyIpAddress(address) ?? "reserved";
    if (kind !== "public") {
      throw unableToDownload(
        `${subject} host ${hostname} resolves to ${address}, ${describeIpAddressClass(kind)}; ${ALLOW_HINT}`,
      );
    }
  }
  return pinnedLookup(addresses);
}

function sendRequest(
  target: URL,
  hostname: string,
  lookup: LookupFunction | undefined,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const options: http.RequestOptions = {
      protocol: target.protocol,
      hostname,
      path: `${target.pathname}${target.search}`,
      method: "GET",
      headers: REQUEST_HEADERS,
      // No pooling: a shared socket could have been opened by someone else's unchecked lookup.
      agent: false,
    };
    if (target.port !== "") options.port = Number(target.port);
    if (lookup !== undefined) options.lookup = lookup;
    if (target.username !== "" || target.password !== "") {
      options.auth = `${percentDecode(target.username)}:${percentDecode(target.password)}`;
    }
    const request = (target.protocol === "https:" ? https : http).request(options);
    const onAbort = (): void => {
      request.destroy(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    request.once("response", (response) => {
      signal.removeEventListener("abort", onAbort);
      resolve(response);
    });
    // Stays attached for the socket's life: later socket errors are reported on the body stream instead,
    // and an unlistened "error" would crash the process.
    request.on("error", (error) => {
      signal.removeEventListener("abort", onAbort);
      reject(error);
    });
    request.end();
  });
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function toDownloadError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = error instanceof Error ? error.message : String(error);
  return unableToDownload(`file.url could not be fetched (${code ?? reason})`, error);
}

function unableToDownload(message: string, cause?: unknown): AppError {
  return new AppError("UNABLE_TO_DOWNLOAD_FILE", message, cause === undefined ? {} : { cause });
}

/** URL.hostname keeps IPv6 literals bracketed; sockets and allow-lists want them bare. */
function bareHostname(url: URL): string {
  const host = url.hostname;
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/** Lower-case, unbracketed, no trailing dot, IPv6 in canonical form, so "[::1]" matches "0:0::1". */
function normalizeHost(host: string): string {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "");
  if (bare.includes(":") && URL.canParse(`http://[${bare}]/`))
    return bareHostname(new URL(`http://[${bare}]/`));
  return bare;
}

function parseContentLength(header: string | undefined): number | undefined {
  return header !== undefined && /^\d+$/.test(header.trim()) ? Number(header.trim()) : undefined;
}

function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function withoutCredentials(url: URL): string {
  const copy = new URL(url);
  copy.username = "";
  copy.password = "";
  return copy.href;
}
