/**
 * The synonym lexicon: business-document concepts and the labels that print them, in English, French,
 * German, Dutch, Spanish, Italian, Portuguese and Polish. Phrases are folded (lower case, no accents),
 * separated by "|"; words are matched with any separators between them ("invoice no" ~ "Invoice-No.:").
 * General vocabulary only — nothing here knows a particular document or corpus file.
 */

/** What a concept's value is: decides which concept an ambiguous key ("vat") means for a field type. */
export type ConceptValue = "amount" | "date" | "identifier" | "text" | "percent" | "count";

export interface Concept {
  readonly id: string;
  readonly value: ConceptValue;
  /** Labels that name the concept outright. */
  readonly phrases: readonly string[];
  /** Labels that often but not always mean it ("invoice" before a number, "amount" before a total). */
  readonly weak?: readonly string[];
}

interface ConceptSource {
  readonly id: string;
  readonly value: ConceptValue;
  readonly phrases: string;
  readonly weak?: string;
}

// Phrases as "|"-separated strings: one concept reads as one paragraph, not a hundred array lines.
const SOURCES: readonly ConceptSource[] = [
  {
    id: "invoice_number",
    value: "identifier",
    phrases:
      "invoice number|invoice no|invoice nr|invoice num|invoice #|invoice id|invoice ref|inv no|" +
      "inv #|bill no|bill number|receipt number|receipt no|document number|facture n|facture no|" +
      "facture n°|n° de facture|numero de facture|no de facture|factuurnummer|factuurnr|" +
      "factuur nummer|factuur nr|rechnungsnummer|rechnungsnr|rechnung nr|rechnungs nr|faktura nr|" +
      "numer faktury|nr faktury|numero factura|factura n|factura no|numero fattura|fattura n|" +
      "nota fiscal",
    weak: "invoice|facture|factuur|rechnung|faktura|fattura|factura|receipt|bill",
  },
  {
    id: "invoice_date",
    value: "date",
    phrases:
      "invoice date|date of invoice|date of issue|issue date|issued on|issued|billing date|" +
      "bill date|document date|date de facture|date de facturation|date d'emission|factuurdatum|" +
      "factuur datum|rechnungsdatum|datum der rechnung|data wystawienia|data faktury|" +
      "fecha de factura|fecha factura|data fattura|data da fatura|receipt date",
    weak: "date|datum|fecha|data|dated",
  },
  {
    id: "due_date",
    value: "date",
    phrases:
      "due date|date due|payment due|payment due date|due on|pay by|echeance|date d'echeance|" +
      "date limite de paiement|date limite|vervaldatum|vervaldag|uiterste betaaldatum|" +
      "falligkeitsdatum|fallig am|zahlungsziel|zahlbar bis|termin platnosci|fecha de vencimiento|" +
      "vencimiento|data di scadenza|scadenza|data de vencimento",
    weak: "due",
  },
  {
    id: "total",
    value: "amount",
    phrases:
      "total|total amount|amount due|total due|balance due|grand total|total to pay|amount payable|" +
      "total payable|invoice total|total amount due|total incl|total inc|total including tax|" +
      "total incl vat|total for this invoice|total ttc|montant ttc|net a payer|somme a payer|" +
      "total a payer|montant total|totaal|totaalbedrag|totaal bedrag|te betalen|factuur totaal|" +
      "totaal incl|gesamtbetrag|gesamtsumme|rechnungsbetrag|endbetrag|zu zahlen|naleznosc ogolem|" +
      "razem do zaplaty|do zaplaty|importe total|total a pagar|totale|totale fattura|valor total",
    weak: "amount|sum|balance|montant|bedrag|betrag|summe|razem|importe",
  },
  {
    id: "subtotal",
    value: "amount",
    phrases:
      "subtotal|sub total|sub-total|net amount|amount untaxed|untaxed amount|total excl|" +
      "total excl vat|total excluding tax|total excluding vat|total before tax|amount before tax|" +
      "taxable amount|total net|net total|total ht|montant ht|total hors taxes|hors taxes|" +
      "sous total|sous-total|subtotaal|exclusief btw|excl btw|totaal excl|bedrag excl|zwischensumme|" +
      "nettobetrag|summe netto|netto|gesamt netto|ohne mwst|wartosc netto|razem netto|" +
      "base imponible|imponibile|grondslag",
    weak: "net",
  },
  {
    id: "tax_amount",
    value: "amount",
    phrases:
      "tax|tax amount|total tax|amount tax|vat|vat amount|total vat|sales tax|gst|hst|pst|tva|" +
      "montant tva|total tva|btw|btw bedrag|bedrag btw|mwst|mehrwertsteuer|umsatzsteuer|ust|" +
      "kwota vat|podatek|iva|impuesto|imposta|taxes|tax total",
  },
  {
    id: "tax_rate",
    value: "percent",
    phrases:
      "tax rate|vat rate|tax %|vat %|tax percent|tax percentage|btw %|tva %|% tva|taux tva|" +
      "taux de tva|mwst %|ust %|stawka vat|stawka|vat [%]|tarief|iva %",
    // In a line-item table a bare tax header is the rate column.
    weak: "tax|taxes|vat|btw|tva|mwst|iva|gst",
  },
  {
    id: "tax_id",
    value: "identifier",
    phrases:
      "vat number|vat no|vat id|vat reg no|vat registration number|vat/tin|tax id|tax number|" +
      "tax identification number|tin|ein|gstin|gst number|ust-idnr|ustid|ust id|ust-id|ust idnr|" +
      "steuernummer|steuer nr|btw nummer|btw nr|btw-nummer|btw-nr|btw id|n° de tva|numero de tva|" +
      "tva intracommunautaire|n° tva|nip|nif|partita iva|p iva|cif|nipc|abn|static vat",
    weak: "vat|btw|tva",
  },
  {
    id: "currency",
    value: "text",
    phrases: "currency|devise|valuta|wahrung|waluta|moneda|valuta",
  },
  {
    id: "customer",
    value: "text",
    phrases:
      "bill to|billed to|billing address|invoice to|invoiced to|sold to|customer|customer name|" +
      "client|client name|buyer|purchaser|recipient|factuuradres|klant|kunde|rechnungsadresse|" +
      "rechnungsempfanger|nabywca|acheteur|destinataire|facture a|adresse de facturation|cliente|" +
      "nom de l'abonne|guest name|guest",
  },
  {
    id: "ship_to",
    value: "text",
    phrases:
      "ship to|shipping address|deliver to|delivery address|afleveradres|lieferadresse|" +
      "adresse de livraison|odbiorca",
  },
  {
    id: "vendor",
    value: "text",
    phrases:
      "vendor|seller|supplier|sold by|issuer|issued by|merchant|provider|service provider|company|" +
      "company name|verkoper|leverancier|verkaufer|lieferant|sprzedawca|vendeur|fournisseur|" +
      "emetteur|proveedor|fornitore|remit to|payee",
    weak: "from",
  },
  {
    id: "customer_number",
    value: "identifier",
    phrases:
      "customer number|customer no|customer id|customer #|client id|client number|client no|" +
      "account number|account no|account #|klantnummer|klantnr|kundennummer|kundennr|kunden nr|" +
      "numero client|n° client|id client|id.client|debiteurnummer|numer klienta",
  },
  {
    id: "order_number",
    value: "identifier",
    phrases:
      "order number|order no|order id|order #|order ref|ordernummer|bestellnummer|auftragsnummer|" +
      "numero de commande|n° de commande|commande|po number|po no|po #|purchase order|" +
      "purchase order number|p.o. number|your order|bestelnummer|order",
  },
  {
    id: "order_date",
    value: "date",
    phrases: "order date|date of order|orderdatum|besteldatum|bestelldatum|date de commande|auftragsdatum",
  },
  {
    id: "payment_method",
    value: "text",
    phrases:
      "payment method|payment mode|payment type|method of payment|paid by|paid with|paid through|" +
      "payment|mode de paiement|mode de reglement|modes de reglement|moyen de paiement|" +
      "betaalmethode|betaalwijze|betaald met|zahlungsart|zahlungsform|zahlungsweise|forma platnosci|" +
      "sposob platnosci|zaplacono|metodo de pago|forma de pago|modalita di pagamento",
  },
  {
    id: "payment_terms",
    value: "text",
    phrases:
      "payment terms|terms|terms of payment|conditions de paiement|betalingsvoorwaarden|" +
      "betalingstermijn|zahlungsbedingungen|termin platnosci|condiciones de pago",
  },
  {
    id: "payment_reference",
    value: "identifier",
    phrases:
      "payment reference|payment ref|communication|structured communication|betalingskenmerk|" +
      "verwendungszweck|reference de paiement|remittance reference",
  },
  {
    id: "iban",
    value: "identifier",
    phrases:
      "iban|bank account|account iban|rekeningnummer|kontonummer|konto|compte|numero de compte|" +
      "rachunek|numer rachunku|cuenta",
  },
  {
    id: "bic",
    value: "identifier",
    phrases: "bic|swift|swift code|bic code|bic/swift|swift/bic",
  },
  {
    id: "email",
    value: "text",
    phrases:
      "email|e-mail|email address|mail|courriel|adresse email|adresse e-mail|" + "adresse email de contact",
  },
  {
    id: "phone",
    value: "identifier",
    phrases:
      "phone|telephone|tel|phone number|phone no|telephone number|mobile|cell|telefoon|telefon|tel.|" +
      "contact number|gsm",
  },
  {
    id: "fax",
    value: "identifier",
    phrases: "fax|fax number|fax no|telefax|facsimile",
  },
  {
    id: "website",
    value: "text",
    phrases: "website|web site|web|url|homepage|internet|site web|site",
  },
  {
    id: "address",
    value: "text",
    phrases: "address|street address|adres|adresse|anschrift|direccion|indirizzo|endereco|adres siedziby",
  },
  {
    id: "street",
    value: "text",
    phrases: "street|straat|strasse|rue|calle|via|ulica",
  },
  {
    id: "city",
    value: "text",
    phrases: "city|town|ville|stad|plaats|ort|stadt|miasto|ciudad|citta",
  },
  {
    id: "postal_code",
    value: "identifier",
    phrases:
      "zip|zip code|postal code|postcode|post code|code postal|plz|postleitzahl|kod pocztowy|" +
      "codigo postal|cap",
  },
  {
    id: "country",
    value: "text",
    phrases: "country|pays|land|kraj|pais|paese",
  },
  {
    id: "state",
    value: "text",
    phrases: "state|province|region|county|provincie|bundesland",
  },
  {
    id: "company_registration",
    value: "identifier",
    phrases:
      "coc|chamber of commerce|kvk|kvk nummer|kamer van koophandel|handelsregister|hrb|" +
      "registergericht|rcs|company registration|company number|registration number|reg no|krs|regon|" +
      "siren|siret|cin|company registration number",
  },
  {
    id: "quantity",
    value: "count",
    phrases:
      "quantity|qty|qte|quantite|aantal|hoeveelheid|menge|anzahl|ilosc|cantidad|quantita|quantidade|" +
      "units|hours|hrs|nombre|pcs|count",
  },
  {
    id: "unit_price",
    value: "amount",
    phrases:
      "unit price|price|rate|price per unit|unit cost|price unit|prix unitaire|prix|pu|p.u.|pu ht|" +
      "p.u. ht|prijs|prijs per stuk|stukprijs|eenheidsprijs|einzelpreis|preis|vk-preis|vk preis|" +
      "stuckpreis|cena|cena jednostkowa|cena netto|precio|precio unitario|prezzo|prezzo unitario|" +
      "preco unitario|each|unit amount",
  },
  {
    id: "line_amount",
    value: "amount",
    phrases:
      "amount|line total|total|montant|montant ht|bedrag|betrag|zeilenbetrag|gesamtpreis|gesamt|" +
      "wartosc|wartosc netto|wartosc brutto|importe|importo|valor|ext price|extended price|" +
      "line amount|price subtotal|prijs incl btw|net",
  },
  {
    id: "description",
    value: "text",
    phrases:
      "description|item description|item|items|product|product name|article|designation|libelle|" +
      "omschrijving|artikel|beschreibung|bezeichnung|artikelbezeichnung|leistung|nazwa|nazwa towaru|" +
      "nazwa towaru lub uslugi|descripcion|descrizione|descricao|service|services|details|" +
      "particulars|name|title",
  },
  {
    id: "product_code",
    value: "identifier",
    phrases:
      "code|item code|product code|sku|article number|article no|item number|item no|part number|" +
      "part no|artikelnummer|artikelnr|art nr|art. nr|reference|ref|referentie|codice|kod|" +
      "code article|barcode|ean",
    weak: "artikel|article",
  },
  {
    id: "unit_of_measure",
    value: "text",
    phrases: "unit|uom|unit of measure|unite|eenheid|einheit|jm|jednostka|unidad|measure",
  },
  {
    id: "discount",
    value: "amount",
    phrases: "discount|disc|disc %|remise|rabatt|rabatt %|korting|rabat|descuento|sconto",
  },
  {
    id: "position",
    value: "count",
    phrases: "pos|position|line|line no|line number|lp|no|nr|item no",
  },
  {
    id: "period_start",
    value: "date",
    phrases:
      "start date|period start|date from|from date|service period|billing period|periode du|" +
      "period from|date start",
  },
  {
    id: "period_end",
    value: "date",
    phrases: "end date|period end|date to|to date|date end",
  },
  {
    id: "check_in",
    value: "date",
    phrases: "check in|check-in|arrival|arrival date|aankomst",
  },
  {
    id: "check_out",
    value: "date",
    phrases: "check out|check-out|departure|departure date|vertrek",
  },
  {
    id: "booking_number",
    value: "identifier",
    phrases:
      "booking id|booking number|booking reference|reservation number|reservation id|" +
      "confirmation number|booking",
  },
  {
    id: "signature",
    value: "text",
    phrases:
      "signature|signed|signed by|authorized signature|authorised signature|authorized signatory|" +
      "handtekening|unterschrift|podpis|firma|assinatura",
  },
  {
    id: "person_name",
    value: "text",
    phrases: "name|full name|printed name|print name|nom|naam|imie i nazwisko|nombre completo",
  },
  {
    id: "role",
    value: "text",
    phrases: "title|role|job title|position|functie|fonction",
  },
  {
    id: "notes",
    value: "text",
    phrases: "note|notes|remarks|comments|comment|memo|opmerkingen|bemerkungen",
  },
];

export const CONCEPTS: readonly Concept[] = SOURCES.map((source) => ({
  id: source.id,
  value: source.value,
  phrases: source.phrases.split("|"),
  ...(source.weak === undefined ? {} : { weak: source.weak.split("|") }),
}));
