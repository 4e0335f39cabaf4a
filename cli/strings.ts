/**
 * The CLI's own words (it, en). Issue messages come from the core catalogue; this file holds
 * usage, errors about the command line or the file, and the labels of the human report.
 */
import { hasKey, lookup } from "#core/i18n/catalogue.ts";
import type { TemplateParams } from "#core/i18n/template.ts";
import type { Locale } from "#core/snapshot/types.ts";

const LANG_IT =
  "  --lang it|en     lingua di tutto ciò che viene stampato (predefinita: da LC_ALL/LANG, altrimenti it)";
const LANG_EN = "  --lang it|en     language of everything printed (default: from LC_ALL/LANG, else it)";
const API_IT = `  --plan <id>      il piano
  --api <url>      indirizzo dell'API (o ACTIONPLAN_API_URL)
  --token <jwt>    token di accesso Entra ID (o ACTIONPLAN_TOKEN)
${LANG_IT}`;
const API_EN = `  --plan <id>      the plan
  --api <url>      the API's address (or ACTIONPLAN_API_URL)
  --token <jwt>    an Entra ID access token (or ACTIONPLAN_TOKEN)
${LANG_EN}`;

export const STRINGS = {
  "usage.main": {
    it: `Uso: actionplan <comando> [opzioni]

Comandi:
{commands}

Opzioni comuni:
${LANG_IT}
  --locale it|en   come leggere numeri e date delle celle quando il foglio di sincronizzazione
                   non lo indica (predefinito: dalla lingua delle intestazioni, altrimenti it)
  --json           stampa un unico documento JSON (schema 1)
  --help           mostra l'aiuto (anche: actionplan <comando> --help)
  --version        mostra la versione

Codici di uscita: 0 nessun errore, 1 errori trovati, 2 file illeggibile o uso errato.`,
    en: `Usage: actionplan <command> [options]

Commands:
{commands}

Common options:
${LANG_EN}
  --locale it|en   how cells' numbers and dates are read when the sync sheet does not say
                   (default: from the language of the headings, else it)
  --json           print one JSON document (schema 1)
  --help           show help (also: actionplan <command> --help)
  --version        show the version

Exit codes: 0 no errors, 1 errors found, 2 unreadable file or bad usage.`,
  },
  "usage.validate": {
    it: `Uso: actionplan validate <file.xlsx> [--lang it|en] [--locale it|en] [--json] [--today aaaa-mm-gg]

Controlla il piano d'azione ed elenca errori e avvisi con la cella.
Esce con 0 se non ci sono errori, 1 se ce ne sono, 2 se il file non si può leggere.
${LANG_IT}
  --locale it|en   come leggere numeri e date delle celle`,
    en: `Usage: actionplan validate <file.xlsx> [--lang it|en] [--locale it|en] [--json] [--today yyyy-mm-dd]

Checks the action plan and lists errors and warnings with their cell.
Exits 0 with no errors, 1 when there are errors, 2 when the file cannot be read.
${LANG_EN}
  --locale it|en   how cells' numbers and dates are read`,
  },
  "usage.report": {
    it: `Uso: actionplan report <file.xlsx> [--lang it|en] [--locale it|en] [--strict] [--json] [--today aaaa-mm-gg]

PRL per progetto, linea e priorità, budget e riepiloghi.
  --strict         conta un livello PRL solo se sono presenti le evidenze di tutti i livelli precedenti
${LANG_IT}
  --locale it|en   come leggere numeri e date delle celle

Uso: actionplan report --plan <id> [--as-of <data>] [--json] [--api <url>] [--token <jwt>]

Il report del piano nel cloud; con --as-of, del piano com'era a quella data
(aaaa-mm-gg, fine del giorno UTC, o data e ora ISO con fuso).
${API_IT}`,
    en: `Usage: actionplan report <file.xlsx> [--lang it|en] [--locale it|en] [--strict] [--json] [--today yyyy-mm-dd]

PRL by project, line and priority, budgets and roll-ups.
  --strict         count a PRL level only when the evidence of every level below it is present
${LANG_EN}
  --locale it|en   how cells' numbers and dates are read

Usage: actionplan report --plan <id> [--as-of <date>] [--json] [--api <url>] [--token <jwt>]

The report of the plan in the cloud; with --as-of, of the plan as it stood on that date
(yyyy-mm-dd, the end of that UTC day, or an ISO date-time with a zone).
${API_EN}`,
  },
  "usage.members": {
    it: `Uso: actionplan members list|set|remove --plan <id> [--api <url>] [--token <jwt>] [--lang it|en]

Chi può leggere, modificare o amministrare un piano (le modifiche richiedono il ruolo admin).
  set      --member <object-id> --role reader|editor|admin
  remove   --member <object-id>
${API_IT}`,
    en: `Usage: actionplan members list|set|remove --plan <id> [--api <url>] [--token <jwt>] [--lang it|en]

Who may read, edit or administer a plan (changes need the admin role).
  set      --member <object-id> --role reader|editor|admin
  remove   --member <object-id>
${API_EN}`,
  },
  "usage.movement": {
    it: `Uso: actionplan movement --plan <id> --from <data> [--to <data>] [--json] [--api <url>] [--token <jwt>]

I progetti il cui PRL, esito, importo richiesto o finanziato è cambiato tra le due date, e quelli
aggiunti o tolti, con i valori prima e dopo, quando e da chi.
  --from <data>    aaaa-mm-gg (inizio del giorno UTC) o data e ora ISO con fuso
  --to <data>      aaaa-mm-gg (fine del giorno UTC) o data e ora ISO con fuso (predefinito: adesso)
${API_IT}`,
    en: `Usage: actionplan movement --plan <id> --from <date> [--to <date>] [--json] [--api <url>] [--token <jwt>]

The projects whose PRL, outcome, requested or funded amount changed between the two dates, and
those added or removed, with the values before and after, when and by whom.
  --from <date>    yyyy-mm-dd (the start of that UTC day) or an ISO date-time with a zone
  --to <date>      yyyy-mm-dd (the end of that UTC day) or an ISO date-time with a zone (default: now)
${API_EN}`,
  },
  "usage.plans": {
    it: `Uso: actionplan plans create --plan <id> --name <testo> [--api <url>] [--token <jwt>] [--lang it|en]

Crea un piano nel cloud; chi lo crea ne è amministratore (serve il ruolo ActionPlan.Plans.Create).
  --name <testo>   il nome del piano
${API_IT}`,
    en: `Usage: actionplan plans create --plan <id> --name <text> [--api <url>] [--token <jwt>] [--lang it|en]

Creates a plan in the cloud; its creator is its admin (needs the ActionPlan.Plans.Create role).
  --name <text>    the plan's name
${API_EN}`,
  },
  "usage.workbooks": {
    it: `Uso: actionplan workbooks list|add|remove --plan <id> [--api <url>] [--token <jwt>] [--lang it|en]

I file che la sincronizzazione notturna legge per un piano (ruolo admin).
  add      (--drive <drive-id> --item <item-id> | --path <file.xlsx>) [--name <testo>] [--report-locale it|en]
  remove   --id <workbook-id>
${API_IT}`,
    en: `Usage: actionplan workbooks list|add|remove --plan <id> [--api <url>] [--token <jwt>] [--lang it|en]

The files the nightly sync reads for a plan (admin role).
  add      (--drive <drive-id> --item <item-id> | --path <file.xlsx>) [--name <text>] [--report-locale it|en]
  remove   --id <workbook-id>
${API_EN}`,
  },
  "usage.serve": {
    it: `Uso: actionplan serve [--port <n>] [--in-memory] [--lang it|en]

Avvia lo stack locale di sviluppo: DynamoDB Local, l'API e i token di sviluppo; Ctrl-C ferma tutto.
  --port <n>       porta dell'API (predefinita: 4300)
  --in-memory      non conserva i dati (altrimenti in .data/dynamodb-local)
${LANG_IT}`,
    en: `Usage: actionplan serve [--port <n>] [--in-memory] [--lang it|en]

Starts the local development stack: DynamoDB Local, the API and dev tokens; Ctrl-C stops it all.
  --port <n>       the API's port (default: 4300)
  --in-memory      keep no data (else in .data/dynamodb-local)
${LANG_EN}`,
  },
  "usage.sync": {
    it: "Uso: actionplan sync <file.xlsx> --plan <id> [--api <url>] [--token <token>] [--lang it|en] [--locale it|en] [--json]",
    en: "Usage: actionplan sync <file.xlsx> --plan <id> [--api <url>] [--token <token>] [--lang it|en] [--locale it|en] [--json]",
  },
  "cmd.sync": {
    it: "invia le righe cambiate di una cartella di lavoro al piano nel cloud",
    en: "push a workbook's changed rows to the cloud plan",
  },
  "sync.no-plan": { it: "manca --plan <id>", en: "missing --plan <id>" },
  "sync.no-api": {
    it: "manca l'indirizzo dell'API (--api o ACTIONPLAN_API_URL)",
    en: "missing the API address (--api or ACTIONPLAN_API_URL)",
  },
  "sync.no-token": {
    it: "manca il token (--token o ACTIONPLAN_TOKEN)",
    en: "missing the token (--token or ACTIONPLAN_TOKEN)",
  },
  "sync.unreadable": { it: "file illeggibile: {value}", en: "unreadable file: {value}" },
  "sync.refused": {
    it: "l'API ha rifiutato l'invio ({status}): {value}",
    en: "the API refused the push ({status}): {value}",
  },
  "sync.api-from-file": {
    it: "la cartella di lavoro indica l'API {value}: il token non viene inviato a un indirizzo scritto solo nel file; se è quella giusta, passare --api {value}",
    en: "the workbook names the API {value}: the token is not sent to an address written only in the file; if it is the right one, pass --api {value}",
  },
  "sync.unreachable": { it: "API non raggiungibile: {value}", en: "API unreachable: {value}" },
  "sync.withheld.sheet-missing": {
    it: "avviso: {entity}: {count, plural, one {# eliminazione non inviata} other {# eliminazioni non inviate}}, nessun foglio di questo tipo è stato riconosciuto",
    en: "warning: {entity}: {count, plural, one {# deletion not sent} other {# deletions not sent}}, no sheet of this kind was recognized",
  },
  "sync.withheld.held-rows": {
    it: "avviso: {entity}: {count, plural, one {# eliminazione non inviata} other {# eliminazioni non inviate}}, alcune righe sono trattenute per errori nella chiave",
    en: "warning: {entity}: {count, plural, one {# deletion not sent} other {# deletions not sent}}, some rows are held back with errors in their key",
  },
  "sync.rows.priority": { it: "priorità", en: "priorities" },
  "sync.rows.line": { it: "linee", en: "lines" },
  "sync.rows.project": { it: "progetti", en: "projects" },
  "sync.rows.budget": { it: "budget", en: "budget" },
  "sync.summary": {
    it: "{file} → piano {plan}: {sent, plural, one {# riga inviata} other {# righe inviate}}; applicate {applied}, invariate {unchanged}, conflitti {conflict}, non valide {invalid}; trattenute per errori {held}.",
    en: "{file} → plan {plan}: {sent, plural, one {# row sent} other {# rows sent}}; applied {applied}, unchanged {unchanged}, conflicts {conflict}, invalid {invalid}; held back with errors {held}.",
  },
  "sync.state-saved": {
    it: "stato di sincronizzazione salvato in {value}",
    en: "sync state saved to {value}",
  },
  "sync.corrupt-state": {
    it: "avviso: stato di sincronizzazione illeggibile in {value}, ignorato (uso quello del file)",
    en: "warning: unreadable sync state in {value}, ignored (using the file's own)",
  },
  "sync.state-not-saved": {
    it: "avviso: impossibile salvare lo stato di sincronizzazione in {value}; la prossima sincronizzazione potrebbe segnalare falsi conflitti",
    en: "warning: could not save the sync state to {value}; the next sync may report false conflicts",
  },
  "cmd.members": {
    it: "gestisce chi può leggere, modificare o amministrare un piano",
    en: "manage who may read, edit or administer a plan",
  },
  "cmd.movement": {
    it: "cosa è cambiato nel piano tra due date (PRL, esiti, importi)",
    en: "what moved in the plan between two dates (PRL, outcomes, amounts)",
  },
  "cmd.plans": {
    it: "crea un piano nel cloud (chi lo crea ne è amministratore)",
    en: "create a plan in the cloud (its creator is its admin)",
  },
  "cmd.workbooks": {
    it: "registra i file letti dalla sincronizzazione notturna",
    en: "register the files the nightly sync reads",
  },
  "cmd.serve": {
    it: "avvia lo stack locale (DynamoDB Local, API, token di sviluppo)",
    en: "start the local stack (DynamoDB Local, API, dev tokens)",
  },
  version: { it: "actionplan {version}", en: "actionplan {version}" },
  "err.bad-lang": {
    it: 'lingua "{value}" non supportata: usare --lang it o --lang en',
    en: 'unsupported language "{value}": use --lang it or --lang en',
  },
  "err.unknown-option": {
    it: "opzione sconosciuta {option} (vedi actionplan {command} --help)",
    en: "unknown option {option} (see actionplan {command} --help)",
  },
  "err.option-needs-value": {
    it: "l'opzione {option} richiede un valore (vedi actionplan {command} --help)",
    en: "option {option} needs a value (see actionplan {command} --help)",
  },
  "err.option-takes-no-value": {
    it: "l'opzione {option} non accetta valori (vedi actionplan {command} --help)",
    en: "option {option} takes no value (see actionplan {command} --help)",
  },
  "err.needs": {
    it: "manca {value} (vedi actionplan {command} --help)",
    en: "missing {value} (see actionplan {command} --help)",
  },
  "err.choose": {
    it: "scegliere {value} (vedi actionplan {command} --help)",
    en: "choose {value} (see actionplan {command} --help)",
  },
  "err.bad-port": { it: "porta non valida: {value}", en: "invalid port: {value}" },
  "api.failed": { it: "{message} (HTTP {status})", en: "{message} (HTTP {status})" },
  "api.unreachable": { it: "API non raggiungibile ({message})", en: "API unreachable ({message})" },
  "members.none": { it: "nessun membro", en: "no members" },
  "members.set": { it: "{member}: {role}", en: "{member}: {role}" },
  "members.removed": { it: "rimosso: {member}", en: "removed: {member}" },
  "plans.created": {
    it: "piano creato: {plan} (amministratore: {admin})",
    en: "plan created: {plan} (admin: {admin})",
  },
  "workbooks.none": { it: "nessuna cartella di lavoro registrata", en: "no workbook registered" },
  "workbooks.added": { it: "registrata: {id}", en: "registered: {id}" },
  "workbooks.removed": { it: "rimossa: {id}", en: "removed: {id}" },
  "workbooks.graph": { it: "graph {drive}/{item}", en: "graph {drive}/{item}" },
  "workbooks.folder": { it: "cartella {path}", en: "folder {path}" },
  "serve.ready": {
    it: "Stack locale pronto.\n  API:    {api}\n  Piano:  {plan} (utente di sviluppo {user}, admin)\n  Token:  {token}\nCtrl-C per fermare.",
    en: "Local stack ready.\n  API:    {api}\n  Plan:   {plan} (dev user {user}, admin)\n  Token:  {token}\nCtrl-C to stop.",
  },
  "serve.stopped": { it: "Stack locale fermato.", en: "Local stack stopped." },
  "serve.failed": { it: "avvio non riuscito: {value}", en: "start failed: {value}" },
  "cmd.validate": { it: "controlla il file ed elenca i problemi", en: "check the file and list the problems" },
  "cmd.report": { it: "PRL, budget e riepiloghi", en: "PRL, budgets and roll-ups" },
  "err.prefix": { it: "actionplan: errore", en: "actionplan: error" },
  "err.unknown-command": {
    it: 'comando sconosciuto "{value}" (vedi actionplan --help)',
    en: 'unknown command "{value}" (see actionplan --help)',
  },
  "err.no-command": {
    it: "manca il comando (vedi actionplan --help)",
    en: "missing command (see actionplan --help)",
  },
  "err.bad-option": {
    it: "{value} (vedi actionplan {command} --help)",
    en: "{value} (see actionplan {command} --help)",
  },
  "err.no-file": { it: "manca il file .xlsx", en: "missing the .xlsx file" },
  "err.extra-args": { it: "argomenti in più: {value}", en: "unexpected arguments: {value}" },
  "err.bad-locale": {
    it: 'formato "{value}" non supportato: usare --locale it o --locale en',
    en: 'unsupported locale "{value}": use --locale it or --locale en',
  },
  "err.bad-today": {
    it: 'data "{value}" non valida: usare aaaa-mm-gg',
    en: 'invalid date "{value}": use yyyy-mm-dd',
  },
  "err.bad-moment": {
    it: 'data "{value}" non valida per {option}: usare aaaa-mm-gg o una data e ora ISO con fuso (2026-01-01T09:00:00Z)',
    en: 'invalid date "{value}" for {option}: use yyyy-mm-dd or an ISO date-time with a zone (2026-01-01T09:00:00Z)',
  },
  "err.missing": { it: 'il file "{value}" non esiste', en: 'file "{value}" does not exist' },
  "err.not-a-file": { it: '"{value}" non è un file leggibile', en: '"{value}" is not a readable file' },
  "err.not-xlsx": { it: '"{value}" non è un file Excel .xlsx', en: '"{value}" is not an Excel .xlsx file' },
  "err.corrupt": {
    it: 'il file "{value}" è danneggiato o non è una cartella di lavoro Excel',
    en: 'file "{value}" is damaged or not an Excel workbook',
  },
  "err.xls": {
    it: '"{value}" è nel vecchio formato Excel 97-2003 (.xls): salvarlo come .xlsx in Excel',
    en: '"{value}" is in the old Excel 97-2003 format (.xls): save it as .xlsx in Excel',
  },
  "err.encrypted": {
    it: '"{value}" è protetto da password: salvarlo senza password per leggerlo',
    en: '"{value}" is password-protected: save it without a password to read it',
  },
  "err.ods": {
    it: '"{value}" è un foglio OpenDocument (.ods): salvarlo come .xlsx',
    en: '"{value}" is an OpenDocument spreadsheet (.ods): save it as .xlsx',
  },
  "err.too-many-entries": {
    it: '"{value}" contiene troppi file interni per una cartella di lavoro: non letto',
    en: '"{value}" holds too many internal files for a workbook: not read',
  },
  "err.too-large": {
    it: '"{value}" è troppo grande una volta decompresso: non letto',
    en: '"{value}" is too large once decompressed: not read',
  },
  "err.zip-bomb": {
    it: '"{value}" ha un rapporto di compressione anomalo (possibile "zip bomb"): non letto',
    en: '"{value}" has an abnormal compression ratio (possible zip bomb): not read',
  },
  "err.too-deep": {
    it: '"{value}" contiene XML annidato troppo in profondità: non letto',
    en: '"{value}" contains XML nested too deeply: not read',
  },
  "err.dtd": {
    it: '"{value}" contiene una DTD o entità XML, non ammesse in una cartella di lavoro: non letto',
    en: '"{value}" contains an XML DTD or entities, not allowed in a workbook: not read',
  },
  "err.too-many-cells": {
    it: '"{value}" ha troppe celle (oltre 1 000 000): non letto',
    en: '"{value}" has too many cells (over 1,000,000): not read',
  },
  "err.string-too-long": {
    it: '"{value}": un testo supera i 32 767 caratteri ammessi da Excel ({detail})',
    en: '"{value}": a text exceeds Excel\'s 32,767-character limit ({detail})',
  },
  "err.internal": { it: "errore interno: {value}", en: "internal error: {value}" },
  "err.output": { it: "impossibile scrivere il risultato: {value}", en: "cannot write the output: {value}" },
  "rep.summary": {
    it: "{file}: {errors, plural, one {# errore} other {# errori}}, {warnings, plural, one {# avviso} other {# avvisi}}",
    en: "{file}: {errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}",
  },
  "rep.no-issues": { it: "Nessun problema trovato.", en: "No problems found." },
  "rep.error": { it: "ERRORE", en: "ERROR" },
  "rep.warning": { it: "AVVISO", en: "WARNING" },
  "rep.sheet": { it: "Foglio {value}", en: "Sheet {value}" },
  "rep.priorities": { it: "Priorità strategiche", en: "Strategic priorities" },
  "rep.lines": { it: "Linee di intervento", en: "Lines of intervention" },
  "rep.projects": { it: "Progetti", en: "Projects" },
  "rep.budget": { it: "Budget", en: "Budgets" },
  "rep.by": { it: "Riepilogo per {value}", en: "Roll-up by {value}" },
  "rep.by.priority": { it: "priorità", en: "priority" },
  "rep.by.programme": { it: "programma", en: "programme" },
  "rep.by.outcome": { it: "esito", en: "outcome" },
  "rep.by.year": { it: "anno di presentazione", en: "submission year" },
  "rep.mode.strict": { it: "PRL in modalità rigorosa", en: "PRL in strict mode" },
  "plan.now": { it: "Piano {plan}, oggi", en: "Plan {plan}, today" },
  "plan.as-of": { it: "Piano {plan} com'era al {value}", en: "Plan {plan} as it stood at {value}" },
  "mov.heading": {
    it: "Piano {plan}: cosa è cambiato tra {from} e {to}",
    en: "Plan {plan}: what moved between {from} and {to}",
  },
  "mov.none": { it: "Nessun progetto è cambiato.", en: "No project moved." },
  "mov.omitted": {
    it: "{count, plural, one {# altro progetto non mostrato} other {# altri progetti non mostrati}} (limite di risposta)",
    en: "{count, plural, one {# more project not shown} other {# more projects not shown}} (response limit)",
  },
  "mov.kind.added": { it: "aggiunto", en: "added" },
  "mov.kind.removed": { it: "tolto", en: "removed" },
  "mov.kind.changed": { it: "cambiato", en: "changed" },
  "col.change": { it: "Cambiamento", en: "Change" },
  "col.when": { it: "Quando", en: "When" },
  "col.by": { it: "Da chi", en: "By" },
  "col.code": { it: "Codice", en: "Code" },
  "col.title": { it: "Titolo", en: "Title" },
  "col.project": { it: "Progetto", en: "Project" },
  "col.line": { it: "Linea", en: "Line" },
  "col.outcome": { it: "Esito", en: "Outcome" },
  "col.prl": { it: "PRL", en: "PRL" },
  "col.strict": { it: "Rigoroso", en: "Strict" },
  "col.milestone": { it: "Traguardo", en: "Milestone" },
  "col.flags": { it: "Segnalazioni", en: "Flags" },
  "col.key": { it: "Voce", en: "Key" },
  "col.count": { it: "N.", en: "Count" },
  "col.total": { it: "Budget totale", en: "Total budget" },
  "col.requested": { it: "Richiesto", en: "Requested" },
  "col.funded": { it: "Finanziato", en: "Funded" },
  "col.success": { it: "Tasso successo", en: "Success rate" },
  "col.direct": { it: "Costi diretti", en: "Direct costs" },
  "col.overhead": { it: "Spese generali", en: "Overhead" },
  "col.rowtotal": { it: "Totale", en: "Total" },
  "flag.dormant": { it: "fermo da oltre 12 mesi", en: "dormant over 12 months" },
  "flag.to-resubmit": { it: "da ripresentare", en: "to resubmit" },
} as const satisfies Record<string, Record<Locale, string>>;

/** A key of the CLI catalogue. */
export type CliString = keyof typeof STRINGS;

/** The CLI text for `key` in `locale`, with `{name}` placeholders and plurals filled. */
export function t(key: CliString, locale: Locale, params: TemplateParams = {}): string {
  return lookup(STRINGS, key, locale, params);
}

/** true when `key` names a CLI string (for flag names and the like that come from the core). */
export function hasString(key: string): key is CliString {
  return hasKey(STRINGS, key);
}
