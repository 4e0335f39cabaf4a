/**
 * The words of the block `npm start` prints once everything answers, in Italian and English (the
 * language of LC_ALL/LANG, else Italian), in the one catalogue format (`#core/i18n/catalogue.ts`).
 * Each `label.*` starts a line the e2e tests read (tests/e2e/support/start-process.ts knows both).
 */
import type { Locale } from "#core/snapshot/types.ts";

export const READY_MESSAGES = {
  ready: {
    it: "Action Plan for Excel è pronto ({seconds} s).",
    en: "Action Plan for Excel is ready ({seconds} s).",
  },
  "label.preview": { it: "Anteprima", en: "Preview" },
  "label.addin": { it: "Componente", en: "Add-in" },
  "label.api": { it: "API", en: "API" },
  "label.plan": { it: "Piano", en: "Plan" },
  "label.token": { it: "Token", en: "Token" },
  "label.data": { it: "Dati", en: "Data" },
  "label.sample": { it: "Esempio", en: "Sample" },
  "label.build": { it: "Build", en: "Build" },
  "label.tls": { it: "TLS", en: "TLS" },
  "label.nightly": { it: "Notturna", en: "Nightly" },
  "data.memory": { it: "in memoria (persi all'arresto)", en: "in memory (gone when stopped)" },
  "data.persistent": { it: "{path}/ (persistenti)", en: "{path}/ (persistent)" },
  "sample.imported": {
    it: "{path} ({count, plural, one {# riga importata} other {# righe importate}})",
    en: "{path} ({count, plural, one {# row imported} other {# rows imported}})",
  },
  "sample.present": { it: "{path} (piano già presente)", en: "{path} (plan already present)" },
  "build.current": { it: "dist/ è aggiornata", en: "dist/ is current" },
  "build.built": { it: "{dir} compilata ({reason}) in {seconds} s", en: "built {dir} ({reason}) in {seconds} s" },
  "build.missing": { it: "manca {file}", en: "{file} missing" },
  "build.changed": { it: "sorgenti cambiate dall'ultima compilazione", en: "sources changed since the last build" },
  "tls.office": {
    it: "HTTPS con il certificato localhost di office-addin-dev-certs (considerato attendibile da Office).",
    en: "HTTPS with the office-addin-dev-certs localhost certificate (trusted by Office).",
  },
  "tls.self-signed": {
    it: "HTTPS con un certificato localhost autofirmato ({path}): renderlo attendibile nel browser o nel sistema perché Excel carichi il componente.",
    en: "HTTPS with a self-signed localhost certificate ({path}); trust it in your browser/OS for Excel to load the add-in.",
  },
  "tls.http": {
    it: "ATTENZIONE: HTTP semplice (--http). L'anteprima funziona, ma Excel carica i componenti solo in HTTPS.",
    en: "WARNING: plain HTTP (--http given). The preview page works, but Excel only loads add-ins over HTTPS.",
  },
  "tls.no-openssl": {
    it: "ATTENZIONE: HTTP semplice (openssl non disponibile: {detail}). L'anteprima funziona, ma Excel carica i componenti solo in HTTPS.",
    en: "WARNING: plain HTTP (openssl unavailable: {detail}). The preview page works, but Excel only loads add-ins over HTTPS.",
  },
  addin: {
    it: "{url}/taskpane.html (manifest.xml punta a https://localhost:3000)",
    en: "{url}/taskpane.html (manifest.xml points at https://localhost:3000)",
  },
  api: {
    it: "{api} (il componente la usa come {web}/api, con i token di sviluppo da {web}/api/dev/token?user=<id>)",
    en: "{api} (the add-in uses it as {web}/api, with dev tokens from {web}/api/dev/token?user=<id>)",
  },
  plan: { it: "{plan} (utente di sviluppo {user}, admin)", en: "{plan} (dev user {user}, admin)" },
  nightly: {
    it: "{folder}/ ogni giorno alle 03:30 ora locale (prossima {next}); per eseguirla ora: npm run nightly",
    en: "{folder}/ every day at 03:30 local time (next {next}); run it now: npm run nightly",
  },
  desktop: {
    it: "  Excel desktop: npm run sideload in un secondo terminale — esegue npx --yes office-addin-debugging start manifest.xml desktop\n                 (scaricato al bisogno, non è una dipendenza: compila il modulo nativo keytar).",
    en: "  Excel desktop: npm run sideload in a second terminal — runs npx --yes office-addin-debugging start manifest.xml desktop\n                 (fetched on demand, not a dependency: it builds the native keytar module).",
  },
  web: {
    it: "  Excel per il web: aprire una cartella di lavoro, Inserisci → Componenti aggiuntivi → Carica il mio componente aggiuntivo, scegliere manifest.xml.",
    en: "  Excel on the web: open a workbook, Insert → Add-ins → Upload My Add-in, choose manifest.xml.",
  },
  stop: { it: "Ctrl-C ferma tutto.", en: "Ctrl-C stops everything." },
} as const satisfies Record<string, Record<Locale, string>>;

export type ReadyMessage = keyof typeof READY_MESSAGES;
