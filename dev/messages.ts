/**
 * What `npm start` and `npm run nightly` (dev/nightly.ts) say to the person besides the ready
 * block (dev/ready-messages.ts): refusals (exit 2), a failed start (exit 1), the stop line and the
 * nightly's note that it uses the running start's database. Italian and English, in the language
 * of LC_ALL/LANG (else Italian), in the one catalogue format (`#core/i18n/catalogue.ts`).
 * dev/start.ts prints `refused.*` and `failed` after "npm start: ", the program's name.
 */
import type { Locale } from "#core/snapshot/types.ts";

export const START_MESSAGES = {
  "refused.already-running": {
    it: "un altro npm start usa già questi dati (pid {pid}, {url}): fermarlo prima con Ctrl-C.",
    en: "another npm start is already running on this data (pid {pid}, {url}); stop it with Ctrl-C first.",
  },
  "refused.web-port-in-use": {
    it: "la porta {port} (componente) è già occupata: npm start è già avviato? Fermarlo, oppure scegliere un'altra porta con --port <n>.",
    en: "port {port} (add-in) is already in use: is npm start already running? Stop it, or pick another port with --port <n>.",
  },
  "refused.api-port-in-use": {
    it: "la porta {port} (API) è già occupata: npm start è già avviato? Fermarlo, oppure scegliere un'altra porta con --api-port <n>.",
    en: "port {port} (API) is already in use: is npm start already running? Stop it, or pick another port with --api-port <n>.",
  },
  "refused.web-port-unusable": {
    it: "impossibile usare la porta {port} (componente): {detail}",
    en: "cannot listen on port {port} (add-in): {detail}",
  },
  "refused.api-port-unusable": {
    it: "impossibile usare la porta {port} (API): {detail}",
    en: "cannot listen on port {port} (API): {detail}",
  },
  "refused.invalid-port": {
    it: "porta non valida in {source}: «{value}» (serve un numero da 1 a 65535)",
    en: "invalid port in {source}: \"{value}\" (a number from 1 to 65535 is needed)",
  },
  "refused.unknown-option": {
    it: "opzione sconosciuta {option} (npm start accetta --in-memory, --port, --api-port, --http, --dist, --workbooks, --data)",
    en: "unknown option {option} (npm start takes --in-memory, --port, --api-port, --http, --dist, --workbooks, --data)",
  },
  "refused.option-needs-value": { it: "l'opzione {option} richiede un valore", en: "option {option} needs a value" },
  "refused.option-takes-no-value": { it: "l'opzione {option} non accetta valori", en: "option {option} takes no value" },
  "refused.unexpected-argument": {
    it: "argomento inatteso «{value}»: npm start accetta solo opzioni",
    en: "unexpected argument \"{value}\": npm start takes options only",
  },
  failed: { it: "avvio non riuscito: {detail}", en: "start failed: {detail}" },
  stopped: { it: "Fermato ({signal}).", en: "Stopped ({signal})." },
  "nightly.uses-start": {
    it: "uso il database di npm start già avviato (pid {pid}) su {endpoint}",
    en: "using the running npm start's database (pid {pid}) at {endpoint}",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type StartMessage = keyof typeof START_MESSAGES;
