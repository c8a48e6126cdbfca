/**
 * Whether a table's column names read like line items (two or more of quantity / price / amount /
 * description / item words, in the languages the value readers know): such a table is named
 * "line_items", and stays an array even when a sample shows a single row.
 */
import { fold } from "../../local/text/fold.ts";

/** Header words of item tables in the languages the value readers know (folded). */
const ITEM_COLUMN_WORDS = new Set([
  "qty",
  "quantity",
  "quantite",
  "aantal",
  "menge",
  "anzahl",
  "cantidad",
  "quantita",
  "ilosc",
  "price",
  "prix",
  "prijs",
  "preis",
  "precio",
  "prezzo",
  "cena",
  "rate",
  "unit",
  "amount",
  "montant",
  "bedrag",
  "betrag",
  "importe",
  "importo",
  "total",
  "totaal",
  "description",
  "omschrijving",
  "beschreibung",
  "designation",
  "descripcion",
  "item",
  "items",
  "article",
  "artikel",
  "product",
  "produit",
]);

export function looksLikeItems(labels: readonly string[]): boolean {
  const matching = labels.filter((label) =>
    fold(label)
      .split(/[^\p{L}]+/u)
      .some((word) => ITEM_COLUMN_WORDS.has(word)),
  );
  return matching.length >= 2;
}
