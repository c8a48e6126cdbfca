/**
 * OpenAiCompatibleLlmClient against a scripted chat server: request shape, retry on 429 (honouring
 * Retry-After) and 5xx, a clear rejection when the server keeps failing, no retry on 4xx, timeouts.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { LlmRequestError, OpenAiCompatibleLlmClient } from "./openai-compatible-llm-client.ts";
import { startScriptedChatServer } from "./test-support/scripted-chat-server.ts";

const schema = {
  type: "object",
  properties: { a: { type: ["string", "null"] } },
  required: ["a"],
  additionalProperties: false,
};
const request = { schemaName: "extraction", schema, messages: [{ role: "user" as const, content: "hi" }] };

function client(baseUrl: string, overrides: { timeoutMs?: number; maxRetries?: number } = {}) {
  return new OpenAiCompatibleLlmClient({
    baseUrl: `${baseUrl}/`,
    apiKey: "sk-test",
    model: "test-model",
    timeoutMs: overrides.timeoutMs ?? 5000,
    maxRetries: overrides.maxRetries ?? 3,
    retryBaseMs: 5,
  });
}

test("posts model, messages and a strict json_schema response format with a bearer token", async () => {
  const server = await startScriptedChatServer(() => ({ status: 200, content: { a: "x" } }));
  try {
    assert.deepEqual(await client(server.baseUrl).completeJson(request), { a: "x" });
    const [recorded] = server.requests;
    assert.equal(recorded?.method, "POST");
    assert.equal(recorded?.url, "/v1/chat/completions");
    assert.equal(recorded?.headers.authorization, "Bearer sk-test");
    assert.equal(recorded?.body.model, "test-model");
    assert.deepEqual(recorded?.body.messages, request.messages);
    assert.deepEqual(recorded?.body.response_format, {
      type: "json_schema",
      json_schema: { name: "extraction", schema, strict: true },
    });
  } finally {
    await server.close();
  }
});

test("retries a 429 (with Retry-After) and then succeeds", async () => {
  const server = await startScriptedChatServer((_body, index) =>
    index === 0
      ? { status: 429, text: '{"error":{"message":"rate limited"}}', headers: { "retry-after": "0" } }
      : { status: 200, content: { a: "ok" } },
  );
  try {
    assert.deepEqual(await client(server.baseUrl).completeJson(request), { a: "ok" });
    assert.equal(server.requests.length, 2);
  } finally {
    await server.close();
  }
});

test("a 500 forever rejects after the retries with a clear error", async () => {
  const server = await startScriptedChatServer(() => ({ status: 500, text: "upstream exploded" }));
  try {
    await assert.rejects(client(server.baseUrl, { maxRetries: 2 }).completeJson(request), (error) => {
      assert.ok(error instanceof LlmRequestError);
      assert.equal(error.status, 500);
      assert.equal(error.attempts, 3);
      assert.match(error.message, /HTTP 500 after 3 attempt\(s\): upstream exploded/);
      assert.match(error.message, /\/v1\/chat\/completions/);
      return true;
    });
    assert.equal(server.requests.length, 3);
  } finally {
    await server.close();
  }
});

test("a 400 is not retried", async () => {
  const server = await startScriptedChatServer(() => ({ status: 400, text: '{"error":"bad schema"}' }));
  try {
    await assert.rejects(client(server.baseUrl).completeJson(request), /HTTP 400 after 1 attempt/);
    assert.equal(server.requests.length, 1);
  } finally {
    await server.close();
  }
});

test("non-JSON message content is a clear protocol error", async () => {
  const server = await startScriptedChatServer(() => ({
    status: 200,
    content: undefined,
  }));
  try {
    await assert.rejects(
      client(server.baseUrl).completeJson(request),
      /content is not valid JSON|no choices/,
    );
  } finally {
    await server.close();
  }
});

test("an unreachable server fails with a message naming the endpoint", async () => {
  await assert.rejects(
    client("http://127.0.0.1:1", { maxRetries: 1 }).completeJson(request),
    /LLM request to http:\/\/127\.0\.0\.1:1\/chat\/completions failed after 2 attempt/,
  );
});
