/**
 * Test support only: a scripted OpenAI-compatible chat-completions server on 127.0.0.1 (the one allowed
 * fake, standing in for a remote model). Each request is recorded and answered by the test's script.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: ChatRequestBody;
}

export interface ChatRequestBody {
  model: string;
  messages: { role: string; content: string }[];
  response_format: {
    type: string;
    json_schema: { name: string; schema: Record<string, unknown>; strict: boolean };
  };
}

export type ScriptedReply =
  | { readonly status: 200; readonly content: unknown }
  | { readonly status: number; readonly text: string; readonly headers?: Record<string, string> };

export interface ScriptedChatServer {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startScriptedChatServer(
  script: (body: ChatRequestBody, index: number) => ScriptedReply,
): Promise<ScriptedChatServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on("data", (part: Buffer) => parts.push(part));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(parts).toString("utf8")) as ChatRequestBody;
      const index = requests.length;
      requests.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
      const reply = script(body, index);
      if ("content" in reply) {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            id: `chatcmpl-${index}`,
            object: "chat.completion",
            model: body.model,
            choices: [
              {
                index: 0,
                finish_reason: "stop",
                message: { role: "assistant", content: JSON.stringify(reply.content), refusal: null },
              },
            ],
          }),
        );
      } else {
        response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        response.end(reply.text);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
