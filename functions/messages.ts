/** The API's own user-facing messages (it, en): error bodies and the issues sync adds to the core's. */
export const MESSAGES = {
  "body.malformed": {
    it: "Il corpo della richiesta non è JSON valido.",
    en: "The request body is not valid JSON.",
  },
  "body.invalid": {
    it: "Il corpo della richiesta non rispetta lo schema.",
    en: "The request body does not match the schema.",
  },
  "body.too-large": {
    it: "La richiesta supera il limite di 5 MB.",
    en: "The request is larger than the 5 MB limit.",
  },
  "query.invalid": { it: "Parametri della richiesta non validi.", en: "Invalid request parameters." },
  "query.bad-moment": {
    it: "Data non valida: usa AAAA-MM-GG o una data e ora ISO con fuso (es. 2026-01-01T09:00:00Z).",
    en: "Invalid date: use YYYY-MM-DD or an ISO date-time with a zone (e.g. 2026-01-01T09:00:00Z).",
  },
  "query.moment-order": {
    it: "La data iniziale viene dopo quella finale.",
    en: "The start date is after the end date.",
  },
  "cursor.invalid": { it: "Cursore di sincronizzazione non valido.", en: "Invalid sync cursor." },
  "auth.missing-token": { it: "Accesso richiesto: manca il token.", en: "Sign-in required: no token." },
  "auth.expired": {
    it: "La sessione è scaduta: accedi di nuovo.",
    en: "The session has expired: sign in again.",
  },
  "auth.invalid-token": { it: "Token non valido.", en: "Invalid token." },
  "auth.unavailable": {
    it: "Impossibile verificare l'accesso in questo momento: riprova tra poco.",
    en: "Sign-in cannot be checked right now: try again shortly.",
  },
  "auth.forbidden": {
    it: "Il tuo ruolo non consente questa operazione sul piano.",
    en: "Your role does not allow this on the plan.",
  },
  "auth.nightly-source": {
    it: "Solo il job notturno (token dell'applicazione) può inviare o ripristinare con origine \"nightly\".",
    en: "Only the nightly job (an app-only token) may push or restore with source \"nightly\".",
  },
  "not-found": { it: "Risorsa non trovata.", en: "Not found." },
  "route.not-found": { it: "Indirizzo sconosciuto.", en: "Unknown address." },
  "method.not-allowed": { it: "Metodo non consentito.", en: "Method not allowed." },
  "auth.create-plan": {
    it: "Per creare un piano serve il ruolo ActionPlan.Plans.Create (chiedilo all'amministratore del tenant).",
    en: "Creating a plan needs the ActionPlan.Plans.Create role (ask your tenant administrator).",
  },
  "plan.exists": { it: "Esiste già un piano con questo identificativo.", en: "A plan with this id already exists." },
  "member.last-admin": {
    it: "Il piano deve avere almeno un amministratore: nomina prima un altro amministratore.",
    en: "The plan must keep at least one admin: make someone else admin first.",
  },
  "version.not-found": {
    it: "Versione non trovata nella cronologia della riga.",
    en: "Version not found in the row's history.",
  },
  "idempotency.in-progress": {
    it: "Un invio con la stessa chiave è ancora in corso: riprova tra poco.",
    en: "A push with the same key is still running: retry shortly.",
  },
  "idempotency.key-reused": {
    it: "La chiave di idempotenza è già stata usata per un invio diverso.",
    en: "The idempotency key was already used for a different push.",
  },
  "row.too-large": {
    it: "Una riga supera la dimensione massima.",
    en: "A row is larger than the maximum size.",
  },
  "store.unavailable": {
    it: "Archivio temporaneamente non disponibile: riprova.",
    en: "Store temporarily unavailable: retry.",
  },
  internal: { it: "Errore interno del servizio.", en: "Internal service error." },
  // Issues the server adds to a pushed row (column = the field).
  "sync.key-mismatch": {
    it: 'La chiave della riga "{value}" non corrisponde ai suoi valori.',
    en: 'The row key "{value}" does not match its values.',
  },
  "sync.duplicate-row": {
    it: 'La riga "{value}" compare più volte nello stesso invio.',
    en: 'Row "{value}" appears more than once in the same push.',
  },
  "sync.row-too-large": { it: "La riga supera {limit} byte.", en: "The row is larger than {limit} bytes." },
  "sync.value-too-deep": {
    it: 'Il campo "{path}" è annidato oltre {limit} livelli: l\'archivio non può salvarlo.',
    en: 'The field "{path}" is nested more than {limit} levels deep: the store cannot save it.',
  },
  "sync.value-number": {
    it: 'Il campo "{path}" contiene un numero che l\'archivio non può salvare (non finito, intero oltre 9007199254740991 o troppo vicino a zero).',
    en: 'The field "{path}" holds a number the store cannot save (not finite, an integer beyond 9007199254740991, or too close to zero).',
  },
  "sync.value-empty-key": {
    it: 'Il campo "{path}" ha un nome vuoto: l\'archivio non può salvarlo.',
    en: 'The field "{path}" has an empty name: the store cannot save it.',
  },
  "sync.value-not-json": {
    it: 'Il campo "{path}" non contiene un valore JSON.',
    en: 'The field "{path}" does not hold a JSON value.',
  },
  "sync.value-field-name": {
    it: 'Il campo "{path}" ha un nome che l\'archivio non può salvare (oltre {limit} byte in UTF-8, o un surrogato UTF-16 isolato).',
    en: 'The field "{path}" has a name the store cannot save (over {limit} bytes in UTF-8, or a lone UTF-16 surrogate).',
  },
  "sync.value-text": {
    it: 'Il campo "{path}" contiene un testo non valido (surrogato UTF-16 isolato): l\'archivio lo salverebbe alterato.',
    en: 'The field "{path}" holds invalid text (a lone UTF-16 surrogate): the store would save it altered.',
  },
  "sync.key-too-long": {
    it: 'La chiave della riga è troppo lunga per l\'archivio ({bytes} byte in UTF-8, al massimo {limit}) o contiene un surrogato UTF-16 isolato.',
    en: 'The row key is too long for the store ({bytes} bytes in UTF-8, at most {limit}) or holds a lone UTF-16 surrogate.',
  },
  "sync.version-range": {
    it: "La versione di base {version} è fuori intervallo (al massimo {limit}).",
    en: "The base version {version} is out of range (at most {limit}).",
  },
  "sync.conflict-values-omitted": {
    it: 'I valori nel cloud della riga "{value}" non sono nella risposta (sarebbe troppo grande): scarica le modifiche per vederli.',
    en: 'The cloud values of row "{value}" are left out of the response (it would be too large): pull the changes to see them.',
  },
} as const;

export type MessageCode = keyof typeof MESSAGES;
