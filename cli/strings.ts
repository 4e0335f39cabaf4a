/**
 * The CLI's own words (it, en). Issue messages come from the core catalogue; this file holds
 * usage, errors about the command line or the file, and the labels of the human report.
 */
import { fillTemplate } from "#core/i18n/template.ts";
import type { Locale } from "#core/snapshot/types.ts";

const STRINGS = {
  "usage.main": {
    it: `Uso: actionplan <comando> [opzioni]

Comandi:
{commands}

Opzioni comuni:
  --locale it|en   lingua dei messaggi e formato dei numeri (predefinito: it)
  --json           stampa un unico documento JSON (schema 1)
  --help           mostra questo aiuto

Codici di uscita: 0 nessun errore, 1 errori trovati, 2 file illeggibile o uso errato.`,
    en: `Usage: actionplan <command> [options]

Commands:
{commands}

Common options:
  --locale it|en   language of messages and number format (default: it)
  --json           print one JSON document (schema 1)
  --help           show this help

Exit codes: 0 no errors, 1 errors found, 2 unreadable file or bad usage.`,
  },
  "usage.validate": {
    it: `Uso: actionplan validate <file.xlsx> [--locale it|en] [--json] [--today aaaa-mm-gg]

Controlla il piano d'azione e elenca errori e avvisi con la cella.
Esce con 0 se non ci sono errori, 1 se ce ne sono, 2 se il file non si può leggere.`,
    en: `Usage: actionplan validate <file.xlsx> [--locale it|en] [--json] [--today yyyy-mm-dd]

Checks the action plan and lists errors and warnings with their cell.
Exits 0 with no errors, 1 when there are errors, 2 when the file cannot be read.`,
  },
  "usage.report": {
    it: `Uso: actionplan report <file.xlsx> [--locale it|en] [--strict] [--json] [--today aaaa-mm-gg]

PRL per progetto, linea e priorità, budget e riepiloghi.
  --strict   conta un livello PRL solo se sono presenti le evidenze di tutti i livelli precedenti`,
    en: `Usage: actionplan report <file.xlsx> [--locale it|en] [--strict] [--json] [--today yyyy-mm-dd]

PRL by project, line and priority, budgets and roll-ups.
  --strict   count a PRL level only when the evidence of every level below it is present`,
  },
  "cmd.validate": { it: "controlla il file e elenca i problemi", en: "check the file and list the problems" },
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
    it: 'lingua "{value}" non supportata: usare it o en',
    en: 'unsupported locale "{value}": use it or en',
  },
  "err.bad-today": {
    it: 'data "{value}" non valida: usare aaaa-mm-gg',
    en: 'invalid date "{value}": use yyyy-mm-dd',
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
  "rep.summary": {
    it: "{file}: {errors} errori, {warnings} avvisi",
    en: "{file}: {errors} errors, {warnings} warnings",
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

/** The CLI text for `key` in `locale`, with `{name}` placeholders filled. */
export function t(key: CliString, locale: Locale, params: Record<string, string | number> = {}): string {
  return fillTemplate(STRINGS[key][locale], params);
}

/** true when `key` names a CLI string (for flag names and the like that come from the core). */
export function hasString(key: string): key is CliString {
  return Object.prototype.hasOwnProperty.call(STRINGS, key);
}
