/**
 * The chat messages for one window: fixed instructions (values as printed, null when absent, no
 * invention), the request's `extractionRules`, and the window's markdown with its page markers. Field
 * names (`extend:name`) and descriptions travel in the strict JSON schema's `description`s.
 */
import type { ChatMessage } from "../../llm/openai-compatible-llm-client.ts";
import { REASONING_INSTRUCTION } from "./reasoning.ts";
import type { DocumentWindow } from "./windows.ts";

const INSTRUCTIONS = [
  "You extract structured data from a document given as markdown. Pages are marked with <!-- page N --> comments.",
  "Return one JSON object that matches the response schema exactly.",
  "Use null for any value that does not appear in the text you are given; never guess or invent values.",
  "Copy text values as they are printed. Write numbers as plain JSON numbers without currency symbols or thousands separators. Write dates as yyyy-mm-dd.",
  "For arrays, return every item that appears in the text you are given, in document order, and no item that does not.",
].join("\n");

export function messagesFor(
  window: DocumentWindow,
  windowIndex: number,
  windowCount: number,
  extractionRules: string | undefined,
  reasoning = false,
): ChatMessage[] {
  const instructions = reasoning ? `${INSTRUCTIONS}\n${REASONING_INSTRUCTION}` : INSTRUCTIONS;
  const system =
    extractionRules !== undefined && extractionRules.trim() !== ""
      ? `${instructions}\n\nExtraction rules from the user:\n${extractionRules.trim()}`
      : instructions;
  const part =
    windowCount > 1
      ? `This is part ${windowIndex + 1} of ${windowCount} of the document (${window.label}). Extract only what appears in this part; other parts are processed separately and merged.\n\n`
      : "";
  return [
    { role: "system", content: system },
    { role: "user", content: `${part}Document:\n\n${window.text}` },
  ];
}
