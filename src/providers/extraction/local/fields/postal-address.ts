/**
 * Postal addresses read from their shape rather than from labels, which letterheads and address windows
 * rarely print: a block of short, left-aligned lines with a postcode line ("3012 CN Rotterdam", "69100
 * Villeurbanne", "Fremont CA 94538"), the street above it (it has a house number), maybe a country below.
 * Street, city, postcode, state and country fields fall back to the first such block — or the block under
 * the label their key names (a "bill to" for customer_city).
 */
import type { Line } from "../layout/layout-model.ts";
import { fold } from "../text/fold.ts";
import { type CitedToken, spanOfTokens, tokensOf } from "./span.ts";

export type AddressPart = "street" | "city" | "postal_code" | "state" | "country" | "country_code";

export interface AddressValue {
  readonly value: string;
  readonly tokens: readonly CitedToken[];
}

/** An address's parts; `name`: the short line without digits right above the street (who lives there). */
export type PostalAddress = Partial<Record<AddressPart | "name", AddressValue>>;

// Postcode and city on one line, by national format: US "City, ST 12345"; NL "1234 AB City";
// most of Europe "12345 City" (with an optional country prefix "D-63571", Polish "09-411").
const US = /^(?<city>[\p{L}][\p{L} .'-]*?),?\s+(?<state>[A-Z]{2})\s+(?<zip>\d{5}(?:-\d{4})?)$/u;
const NL = /^(?<zip>\d{4}\s?[A-Z]{2})\s+(?<city>[\p{L}][\p{L} .'-]*)$/u;
const EU = /^(?<zip>(?:[A-Z]{1,2}-)?(?:\d{2}-\d{3}|\d{4,5}))\s+(?<city>[\p{L}][\p{L} .'()-]*)$/u;

const COUNTRIES: Readonly<Record<string, string>> = {
  "united states": "US",
  usa: "US",
  "united states of america": "US",
  nederland: "NL",
  netherlands: "NL",
  "the netherlands": "NL",
  deutschland: "DE",
  germany: "DE",
  france: "FR",
  belgique: "BE",
  belgie: "BE",
  belgium: "BE",
  espana: "ES",
  spain: "ES",
  italia: "IT",
  italy: "IT",
  polska: "PL",
  poland: "PL",
  "united kingdom": "GB",
  uk: "GB",
  osterreich: "AT",
  austria: "AT",
  schweiz: "CH",
  suisse: "CH",
  switzerland: "CH",
  india: "IN",
  "hong kong": "HK",
  canada: "CA",
  australia: "AU",
  luxembourg: "LU",
  portugal: "PT",
  ireland: "IE",
  danmark: "DK",
  denmark: "DK",
  sverige: "SE",
  sweden: "SE",
  norge: "NO",
  norway: "NO",
  suomi: "FI",
  finland: "FI",
};

/** Address blocks of the given lines, in reading order. */
export function findAddresses(lines: readonly Line[]): PostalAddress[] {
  const addresses: PostalAddress[] = [];
  for (const [position, line] of lines.entries()) {
    for (const segment of line.segments) {
      const span = spanOfTokens(line, segment.start, segment.end);
      const text = span.text.trim();
      const match = US.exec(text) ?? NL.exec(text) ?? EU.exec(text);
      if (match?.groups === undefined) continue;
      const address: PostalAddress = {};
      const part = (name: string) => {
        const value = match.groups![name]!;
        const start = text.indexOf(value);
        return { value: value.trim(), tokens: tokensOf(span, start, start + value.length) };
      };
      address.postal_code = part("zip");
      address.city = part("city");
      if (match.groups.state !== undefined) address.state = part("state");
      const above = aligned(lines, position, -1, segment.box.left, line.height);
      if (above !== undefined && /\d/u.test(above.text) && !/^\d+$/u.test(above.text.trim())) {
        address.street = { value: above.text.trim(), tokens: above.tokens };
        const name = aligned(lines, position - 1, -1, segment.box.left, line.height);
        if (name !== undefined && !/\d/u.test(name.text) && !/:\s*$/u.test(name.text))
          if (name.text.trim().split(/\s+/u).length <= 5)
            address.name = { value: name.text.trim(), tokens: name.tokens };
      }
      const below = aligned(lines, position, 1, segment.box.left, line.height);
      const code =
        below === undefined
          ? undefined
          : COUNTRIES[
              fold(below.text)
                .replace(/[^\p{L} ]/gu, "")
                .trim()
            ];
      if (below !== undefined && code !== undefined) {
        address.country = { value: below.text.trim(), tokens: below.tokens };
        address.country_code = { value: code, tokens: below.tokens };
      }
      // A postcode line with neither street nor country around it is more likely a stray number.
      if (address.street !== undefined || address.country !== undefined || address.state !== undefined)
        addresses.push(address);
    }
  }
  return addresses;
}

/** The segment of the next/previous line starting at the same left edge, when close enough. */
function aligned(
  lines: readonly Line[],
  position: number,
  step: 1 | -1,
  left: number,
  height: number,
): { text: string; tokens: CitedToken[] } | undefined {
  const from = lines[position]!;
  const other = lines[position + step];
  if (other === undefined || other.page !== from.page || other.fileIndex !== from.fileIndex) return undefined;
  const gap = step === 1 ? other.box.top - from.box.bottom : from.box.top - other.box.bottom;
  if (gap > 1.2 * height) return undefined;
  const segment = other.segments.find((candidate) => Math.abs(candidate.box.left - left) <= 0.6 * height);
  if (segment === undefined) return undefined;
  const span = spanOfTokens(other, segment.start, segment.end);
  return { text: span.text, tokens: tokensOf(span) };
}

/** Which part of an address a field asks for, from its key words (zip, city, street, …). */
export function addressPartOf(words: readonly string[]): AddressPart | undefined {
  if (words.includes("country")) return words.includes("code") ? "country_code" : "country";
  if (words.some((word) => ["zip", "zipcode", "postcode", "postal", "plz"].includes(word)))
    return "postal_code";
  if (words.some((word) => ["city", "town", "ville", "stad", "stadt", "plaats"].includes(word)))
    return "city";
  if (words.includes("state") || words.includes("province")) return "state";
  if (words.includes("street") || words.includes("straat") || words.includes("strasse")) return "street";
  return undefined;
}
