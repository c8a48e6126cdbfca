/**
 * A minimal PDF content-stream reader for the operators a scanned page's content uses: numbers and names
 * as operands, then the operator. Anything else (strings, arrays, dictionaries, inline images) makes the
 * stream unreadable here, and the caller falls back to a full render.
 */

export interface ContentOperation {
  readonly operator: string;
  /** Numbers, and names as "/Name" (without escapes decoded: #xx sequences make the stream unreadable). */
  readonly operands: readonly (number | string)[];
}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/u;
const OPERATOR = /^[A-Za-z'"*]+\*?$/u;

/** The operations of `bytes`, or undefined when it holds anything but numbers, names and operators. */
export function readContentOperations(bytes: Uint8Array): ContentOperation[] | undefined {
  const operations: ContentOperation[] = [];
  let operands: (number | string)[] = [];
  let at = 0;
  while (at < bytes.length) {
    const byte = bytes[at]!;
    if (WHITESPACE.has(byte)) {
      at++;
      continue;
    }
    if (byte === 0x25) {
      // A comment runs to the end of the line.
      while (at < bytes.length && bytes[at] !== 0x0a && bytes[at] !== 0x0d) at++;
      continue;
    }
    const isName = byte === 0x2f;
    if (!isName && DELIMITERS.has(byte)) return undefined;
    let end = at + 1;
    while (end < bytes.length && !WHITESPACE.has(bytes[end]!) && !DELIMITERS.has(bytes[end]!)) end++;
    if (end - at > 64) return undefined; // no operator or operand of these streams is that long
    const token = String.fromCharCode(...bytes.subarray(at, end));
    at = end;
    if (isName) {
      if (token.length < 2 || token.includes("#")) return undefined;
      operands.push(token);
    } else if (NUMBER.test(token)) operands.push(Number(token));
    else if (OPERATOR.test(token)) {
      operations.push({ operator: token, operands });
      operands = [];
    } else return undefined;
  }
  return operands.length === 0 ? operations : undefined;
}
