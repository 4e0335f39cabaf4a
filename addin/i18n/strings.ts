/**
 * The one catalogue of task pane strings (Italian and English). Issue messages live in the core's
 * catalogue (`#core/i18n/messages.ts`); this file holds only the UI's own words.
 * Placeholders are `{name}`; a test checks that both languages have every key and the same
 * placeholders.
 */
import { lookup } from "#core/i18n/catalogue.ts";
import { ENTITY_LABELS, SYNC_STATUS_WORDS } from "#core/i18n/vocabulary.ts";
import type { Locale } from "#core/snapshot/types.ts";

export const STRINGS = {
  "tab.validate": { it: "Verifica", en: "Validate" },
  "tab.overview": { it: "Panoramica", en: "Overview" },
  "tab.sync": { it: "Sincronizza", en: "Sync" },
  "tab.settings": { it: "Impostazioni", en: "Settings" },
  "tabs.label": { it: "Sezioni del pannello", en: "Task pane sections" },

  // Validate
  "validate.run": { it: "Verifica", en: "Validate" },
  "validate.running": { it: "Verifica in corso…", en: "Validating…" },
  "validate.never": {
    it: "Premi Verifica per controllare i fogli del piano.",
    en: "Press Validate to check the plan's sheets.",
  },
  "validate.counts": {
    it: "{errors, plural, one {# errore} other {# errori}}, {warnings, plural, one {# avviso} other {# avvisi}}",
    en: "{errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}",
  },
  "validate.clean": { it: "Nessun problema trovato.", en: "No problems found." },
  "validate.highlight": { it: "Evidenzia le celle", en: "Highlight cells" },
  "validate.highlight-own": {
    it: "Le evidenziazioni sono di ciascuno: i coautori vedono le tue e tu le loro, ma Verifica e lo spegnimento tolgono solo le tue.",
    en: "Highlights are per person: coauthors see yours and you see theirs, but Validate and switching off remove only yours.",
  },
  "validate.auto": { it: "Verifica dopo ogni modifica", en: "Re-validate after edits" },
  "validate.sheet": { it: "Foglio {sheet}", en: "Sheet {sheet}" },
  "validate.sheet-counts": {
    it: "{errors, plural, one {# errore} other {# errori}}, {warnings, plural, one {# avviso} other {# avvisi}}",
    en: "{errors, plural, one {# error} other {# errors}}, {warnings, plural, one {# warning} other {# warnings}}",
  },
  "validate.error": { it: "Errore", en: "Error" },
  "validate.warning": { it: "Avviso", en: "Warning" },
  "validate.goto": { it: "Vai alla cella {sheet}!{cell}", en: "Go to cell {sheet}!{cell}" },
  "validate.more": { it: "Mostra altri {count}", en: "Show {count} more" },
  "validate.elapsed": { it: "Verificato in {ms} ms", en: "Validated in {ms} ms" },
  "validate.sheets-found": { it: "Fogli riconosciuti: {sheets}", en: "Sheets recognised: {sheets}" },
  "validate.codes-written": { it: "Codici scritti: {count}", en: "Codes written: {count}" },

  // Overview
  // Short money for the overview's narrow columns: the amount, already scaled and formatted.
  "money.short.units": { it: "{sign}{amount} €", en: "{sign}€{amount}" },
  "money.short.thousands": { it: "{sign}{amount} k€", en: "{sign}€{amount}k" },
  "money.short.millions": { it: "{sign}{amount} M€", en: "{sign}€{amount}M" },
  "money.short.billions": { it: "{sign}{amount} Mrd €", en: "{sign}€{amount}bn" },
  "overview.prl-title": { it: "PRL per priorità e linea", en: "PRL by priority and line" },
  "overview.code": { it: "Codice", en: "Code" },
  "overview.name": { it: "Titolo", en: "Title" },
  "overview.prl": { it: "PRL", en: "PRL" },
  "overview.prl-strict": { it: "PRL rigoroso", en: "Strict PRL" },
  "overview.gap-hint": {
    it: "Il divario tra PRL e PRL rigoroso indica dati mancanti nei livelli inferiori.",
    en: "The gap between PRL and strict PRL shows missing data in the lower levels.",
  },
  "overview.distribution": { it: "Progetti per PRL", en: "Projects by PRL" },
  "overview.distribution-desc": {
    it: "Numero di progetti per livello PRL da 0 a 9",
    en: "Number of projects per PRL level from 0 to 9",
  },
  "overview.bar": {
    it: "PRL {level}: {count, plural, one {# progetto} other {# progetti}}",
    en: "PRL {level}: {count, plural, one {# project} other {# projects}}",
  },
  "overview.by-priority": { it: "Per priorità", en: "By priority" },
  "overview.by-programme": { it: "Per programma", en: "By programme" },
  "overview.total": { it: "Budget totale", en: "Total budget" },
  "overview.requested": { it: "Richiesto", en: "Requested" },
  "overview.funded": { it: "Finanziato", en: "Funded" },
  "overview.success": { it: "Tasso di successo", en: "Success rate" },
  "overview.success-short": { it: "Succ.", en: "Succ." },
  "overview.count-short": { it: "N.", en: "No." },
  "overview.total-short": { it: "Budget", en: "Budget" },
  "overview.priority": { it: "Priorità", en: "Priority" },
  "overview.programme": { it: "Programma", en: "Programme" },
  "overview.count": { it: "Progetti", en: "Projects" },
  "overview.all": { it: "Totale", en: "Total" },
  "overview.to-resubmit": { it: "Da ripresentare", en: "To resubmit" },
  "overview.dormant": {
    it: "Dormienti (non aggiornati da oltre 12 mesi)",
    en: "Dormant (not updated for over 12 months)",
  },
  "overview.none": { it: "Nessuno.", en: "None." },
  "overview.empty": {
    it: "Esegui prima la verifica per vedere la panoramica.",
    en: "Run a validation first to see the overview.",
  },
  "overview.write-sheet": { it: "Scrivi il foglio di panoramica", en: "Write overview sheet" },
  "overview.sheet-written": { it: 'Foglio "{sheet}" scritto.', en: 'Sheet "{sheet}" written.' },
  "overview.sheet-name": { it: "Panoramica", en: "Overview" },
  "overview.sheet-note": {
    it: "Foglio generato da Action Plan: non è letto come dati del piano. Per aggiornarlo usa «Scrivi il foglio di panoramica».",
    en: "Sheet generated by Action Plan: it is not read as plan data. To update it use “Write overview sheet”.",
  },
  "overview.refresh": { it: "Aggiorna", en: "Refresh" },
  "overview.not-applicable": { it: "n.d.", en: "n/a" },

  // Overview: readiness over time (issue #17)
  "readiness.title": { it: "Andamento nel tempo", en: "Readiness over time" },
  "readiness.date": { it: "Confronta con la data", en: "Compare with the date" },
  "readiness.run": { it: "Confronta", en: "Compare" },
  "readiness.start-of-year": { it: "Inizio anno", en: "Start of year" },
  "readiness.board-meeting": { it: "Ultima riunione del comitato", en: "Last board meeting" },
  "readiness.save-meeting": {
    it: "Ricorda come data dell'ultima riunione",
    en: "Remember as the last board meeting",
  },
  "readiness.meeting-saved": {
    it: "Data dell'ultima riunione salvata: {date}.",
    en: "Last board meeting date saved: {date}.",
  },
  "readiness.invalid-date": {
    it: "Scegli una data valida, non successiva a oggi.",
    en: "Choose a valid date, not after today.",
  },
  "readiness.hint": {
    it: "Il piano nel cloud com'era a quella data, confrontato con il file di oggi.",
    en: "The cloud's plan as it stood on that date, compared with the file today.",
  },
  "readiness.since": { it: "Dal {date}", en: "Since {date}" },
  "readiness.up": { it: "salito da {before} a {after}", en: "up from {before} to {after}" },
  "readiness.down": { it: "sceso da {before} a {after}", en: "down from {before} to {after}" },
  "readiness.same": { it: "invariato ({after})", en: "unchanged ({after})" },
  "readiness.new": { it: "nuovo dopo quella data (PRL {after})", en: "new since then (PRL {after})" },
  "readiness.movement": { it: "Cosa è cambiato dal {date}", en: "What moved since {date}" },
  "readiness.kind.added": { it: "aggiunto", en: "added" },
  "readiness.kind.removed": { it: "rimosso", en: "removed" },
  "readiness.kind.changed": { it: "cambiato", en: "changed" },
  "readiness.prl-change": { it: "PRL {before} → {after}", en: "PRL {before} → {after}" },
  "readiness.outcome-change": { it: "esito {before} → {after}", en: "outcome {before} → {after}" },
  "readiness.money-change": { it: "{field} {before} → {after}", en: "{field} {before} → {after}" },
  "readiness.when-who": { it: "{at}, da {by}", en: "{at}, by {by}" },
  "readiness.omitted": {
    it: "{count, plural, one {# altro progetto non mostrato} other {altri # progetti non mostrati}} (risposta troppo grande).",
    en: "{count, plural, one {# more project not shown} other {# more projects not shown}} (answer too large).",
  },
  "readiness.months": { it: "Progetti per PRL, mese per mese", en: "Projects by PRL, month by month" },
  "readiness.months-desc": {
    it: "Per ogni mese, quanti progetti del piano nel cloud erano a ciascun livello PRL alla fine del mese.",
    en: "For each month, how many of the cloud plan's projects stood at each PRL level at the month's end.",
  },
  "readiness.month-segment": {
    it: "{month}: PRL {level}, {count, plural, one {# progetto} other {# progetti}}",
    en: "{month}: PRL {level}, {count, plural, one {# project} other {# projects}}",
  },
  "readiness.month-total": {
    it: "{month}: {count, plural, one {# progetto} other {# progetti}}",
    en: "{month}: {count, plural, one {# project} other {# projects}}",
  },
  "readiness.include-movement": {
    it: "Includi nel foglio cosa è cambiato dal {date}",
    en: "Include in the sheet what moved since {date}",
  },
  "readiness.sheet-heading": { it: "Cambiato dal {date}", en: "Moved since {date}" },
  "readiness.sheet-project": { it: "Progetto", en: "Project" },
  "readiness.sheet-change": { it: "Cambiamento", en: "Change" },
  "readiness.sheet-prl-before": { it: "PRL prima", en: "PRL before" },
  "readiness.sheet-prl-after": { it: "PRL dopo", en: "PRL after" },
  "readiness.sheet-outcome-before": { it: "Esito prima", en: "Outcome before" },
  "readiness.sheet-outcome-after": { it: "Esito dopo", en: "Outcome after" },
  "readiness.sheet-when": { it: "Quando", en: "When" },
  "readiness.sheet-by": { it: "Da chi", en: "By" },

  // Sync
  "sync.signed-in": { it: "Accesso effettuato come {user}", en: "Signed in as {user}" },
  "sync.signed-out": { it: "Non hai effettuato l'accesso.", en: "You are not signed in." },
  "sync.sign-in": { it: "Accedi", en: "Sign in" },
  "sync.sign-out": { it: "Esci", en: "Sign out" },
  "sync.offline": {
    it: "Sei offline: puoi verificare e lavorare sul file; la sincronizzazione riprenderà con la rete.",
    en: "You are offline: you can validate and work on the file; sync resumes when the network is back.",
  },
  "sync.no-plan": {
    it: "Il file non è collegato a un piano: impostalo in Impostazioni.",
    en: "This file is not bound to a plan: set it in Settings.",
  },
  "sync.no-api": {
    it: "Indirizzo dell'API non impostato (Impostazioni).",
    en: "API address not set (Settings).",
  },
  "sync.plan": { it: "Piano: {plan}", en: "Plan: {plan}" },
  "sync.push": { it: "Invia modifiche", en: "Push changes" },
  "sync.pushing": { it: "Invio in corso…", en: "Pushing…" },
  "sync.pull": { it: "Ricevi modifiche", en: "Pull changes" },
  "sync.pulling": { it: "Ricezione in corso…", en: "Pulling…" },
  "coauthor.changed": {
    it: "Un coautore ha modificato {sheet} ({cells}): verifica e panoramica mostrano già le sue modifiche.",
    en: "A coauthor changed {sheet} ({cells}): Validate and Overview already show their edits.",
  },
  "coauthor.synced": {
    it: "Un coautore ha sincronizzato questa cartella di lavoro: la prossima sincronizzazione parte dalle sue versioni.",
    en: "A coauthor synced this workbook: your next sync starts from their versions.",
  },
  "coauthor.dismiss": { it: "Chiudi", en: "Dismiss" },
  "sync.nothing-to-push": { it: "Nessuna modifica da inviare.", en: "No changes to push." },
  "sync.held": {
    it: "{count, plural, one {# riga con errori non inviata: correggila} other {# righe con errori non inviate: correggile}} e riprova.",
    en: "{count, plural, one {# row with errors not sent: fix it} other {# rows with errors not sent: fix them}} and try again.",
  },
  "sync.push-summary": {
    it: "Applicate {applied}, invariate {unchanged}, conflitti {conflict}, non valide {invalid}.",
    en: "Applied {applied}, unchanged {unchanged}, conflicts {conflict}, invalid {invalid}.",
  },
  // Display words of canonical values come from core's one vocabulary.
  "sync.status.applied": SYNC_STATUS_WORDS.applied,
  "sync.status.unchanged": SYNC_STATUS_WORDS.unchanged,
  "sync.status.conflict": SYNC_STATUS_WORDS.conflict,
  "sync.status.invalid": SYNC_STATUS_WORDS.invalid,
  // Badges of resolved conflicts: short enough that the result table fits the pane's 320 px.
  "sync.resolution.mine": { it: "Inviata la tua", en: "Yours pushed" },
  "sync.resolution.cloud": { it: "Presa dal cloud", en: "Cloud's taken" },
  "sync.kind": { it: "Tipo", en: "Kind" },
  "sync.key": { it: "Chiave", en: "Key" },
  "sync.result": { it: "Esito", en: "Result" },
  "sync.version": { it: "Versione", en: "Version" },
  "sync.kind.priority": ENTITY_LABELS.priority,
  "sync.kind.line": ENTITY_LABELS.line,
  "sync.kind.project": ENTITY_LABELS.project,
  "sync.kind.budget": ENTITY_LABELS.budget,
  "sync.pull-preview": { it: "Modifiche in arrivo ({count})", en: "Incoming changes ({count})" },
  "sync.pull-none": { it: "Il file è aggiornato.", en: "The file is up to date." },
  "sync.pull-apply": { it: "Scrivi nel foglio", en: "Write into the sheet" },
  "sync.pull-cancel": { it: "Annulla", en: "Cancel" },
  "sync.pull-applied": {
    it: "{count, plural, one {# riga scritta} other {# righe scritte}} nel foglio.",
    en: "{count, plural, one {# row written} other {# rows written}} into the sheet.",
  },
  "sync.field": { it: "Campo", en: "Field" },
  "sync.current": { it: "Nel file", en: "In the file" },
  "sync.incoming": { it: "In arrivo", en: "Incoming" },
  "sync.new-row": { it: "nuova riga", en: "new row" },
  "sync.deleted-row": { it: "eliminata nel cloud", en: "deleted in the cloud" },
  "sync.conflicts": { it: "Conflitti ({count})", en: "Conflicts ({count})" },
  "sync.mine": { it: "Mio", en: "Mine" },
  "sync.cloud": { it: "Cloud", en: "Cloud" },
  "sync.keep-mine": { it: "Mantieni il mio", en: "Keep mine" },
  "sync.take-cloud": { it: "Prendi dal cloud", en: "Take cloud" },
  "sync.resolved-mine": { it: "Risolto: inviata la tua versione.", en: "Resolved: your version was pushed." },
  "sync.resolved-cloud": {
    it: "Risolto: valori del cloud scritti nel foglio.",
    en: "Resolved: cloud values written into the sheet.",
  },
  "sync.history": { it: "Cronologia", en: "History" },
  "sync.history-of": { it: "Cronologia di {key}", en: "History of {key}" },
  "sync.history-key": { it: "Codice della riga", en: "Row code" },
  "sync.history-show": { it: "Mostra cronologia", en: "Show history" },
  "sync.budget-project": { it: "Progetto", en: "Project" },
  "sync.budget-category": { it: "Voce", en: "Category" },
  "sync.budget-year": { it: "Anno", en: "Year" },
  "sync.budget-partner": { it: "Partner", en: "Partner" },
  "sync.history-no-row": {
    it: "La cella selezionata non è in una riga del piano: seleziona una cella di un progetto, una linea, una priorità o una riga di budget.",
    en: "The selected cell is not in a row of the plan: select a cell of a project, line, priority or budget row.",
  },
  "sync.history-selected": {
    it: "Cronologia della riga selezionata",
    en: "History of the selected row",
  },
  "sync.budget-not-found": {
    it: "Nessuna riga di budget con progetto {project} e voce {category} in questo file.",
    en: "No budget row with project {project} and category {category} in this file.",
  },
  "sync.history-empty": { it: "Nessuna versione.", en: "No versions." },
  "sync.restore": { it: "Ripristina", en: "Restore" },
  "sync.restore-refused": { it: "{status}: {key}", en: "{status}: {key}" },
  "sync.restored": {
    it: "Versione {version} ripristinata come versione {newVersion}.",
    en: "Version {version} restored as version {newVersion}.",
  },
  "sync.change": { it: "Modifica", en: "Change" },
  "sync.restore-confirm": {
    it: "Ripristinare la versione {version} di {key}? Il cloud ne crea una nuova versione; nessuna versione va persa.",
    en: "Restore version {version} of {key}? The cloud makes it a new version; no version is lost.",
  },
  "sync.restore-cancel": { it: "Annulla", en: "Cancel" },
  "sync.restore-write": {
    it: "Scrivi nel foglio la versione ripristinata",
    en: "Write the restored version into the sheet",
  },
  "sync.restore-written": {
    it: "Versione {version} di {key} scritta nel foglio.",
    en: "Version {version} of {key} written into the sheet.",
  },
  "sync.restore-moved": {
    it: "{key} è cambiata nel cloud dopo il ripristino: ricevi le modifiche per averla nel foglio.",
    en: "{key} changed in the cloud after the restore: pull to bring it into the sheet.",
  },
  "sync.restored-from": { it: "ripristino della versione {version}", en: "restore of version {version}" },
  "sync.tombstone": { it: "eliminata", en: "deleted" },
  "sync.run-report": { it: "Ultima sincronizzazione notturna", en: "Last nightly run" },
  "sync.run-none": { it: "Nessuna esecuzione registrata.", en: "No run recorded." },
  "sync.run-summary": {
    it: "{when}: {files} file, applicate {applied}, invariate {unchanged}, conflitti {conflicts}, non valide {invalid}.",
    en: "{when}: {files, plural, one {# file} other {# files}}, applied {applied}, unchanged {unchanged}, conflicts {conflicts}, invalid {invalid}.",
  },
  "sync.run-load": { it: "Carica il rapporto", en: "Load report" },
  "sync.run-statuses": {
    it: "Da guardare: {attention}. Saltati perché non modificati: {skipped}. Non letti: {failed}.",
    en: "Needing a person: {attention}. Skipped as not modified: {skipped}. Not read: {failed}.",
  },
  "sync.run-file": {
    it: "{file}: {status} — applicate {applied}, invariate {unchanged}, conflitti {conflicts}, non valide {invalid}",
    en: "{file}: {status} — applied {applied}, unchanged {unchanged}, conflicts {conflicts}, invalid {invalid}",
  },
  "sync.withheld.sheet-missing": {
    it: "{kind}: {count, plural, one {# eliminazione non inviata} other {# eliminazioni non inviate}}, perché il foglio non è riconosciuto in questo file.",
    en: "{kind}: {count, plural, one {# deletion not sent} other {# deletions not sent}}, because the sheet is not recognised in this file.",
  },
  "sync.withheld.held-rows": {
    it: "{kind}: {count, plural, one {# eliminazione non inviata} other {# eliminazioni non inviate}}, perché alcune righe hanno errori nel codice: correggile e riprova.",
    en: "{kind}: {count, plural, one {# deletion not sent} other {# deletions not sent}}, because some rows have errors in their code: fix them and try again.",
  },
  "sync.pull-kept-local": {
    it: "{count, plural, one {# riga modificata nel file non è stata sovrascritta: inviala} other {# righe modificate nel file non sono state sovrascritte: inviale}} per risolvere i conflitti.",
    en: "{count, plural, one {# row edited in the file was not overwritten: push it} other {# rows edited in the file were not overwritten: push them}} to resolve the conflicts.",
  },
  "sync.pull-kept-unbased": {
    it: "{count, plural, one {# riga diversa dal cloud, mai sincronizzata da questo file, è rimasta com'è: scegli «Prendi la versione del cloud» per aggiornarla.} other {# righe diverse dal cloud, mai sincronizzate da questo file, sono rimaste come sono: scegli «Prendi la versione del cloud» per aggiornarle.}}",
    en: "{count, plural, one {# row that differs from the cloud and was never synced from this file was left as it is: choose “Take the cloud's version” to update it.} other {# rows that differ from the cloud and were never synced from this file were left as they are: choose “Take the cloud's version” to update them.}}",
  },
  "sync.pull-unbased": { it: "mai sincronizzata qui", en: "never synced here" },
  "sync.pull-edited": { it: "modificata nel file", en: "edited in the file" },
  "sync.pull-take": { it: "Prendi la versione del cloud", en: "Take the cloud's version" },
  "sync.pull-take-drop": {
    it: "Prendi la versione del cloud (la modifica nel file va persa)",
    en: "Take the cloud's version (the edit in the file is dropped)",
  },
  "sync.pull-take-all": {
    it: "Prendi dal cloud tutte le righe mai sincronizzate ({count})",
    en: "Take the cloud's version of every never-synced row ({count})",
  },
  "sync.pull-partial": {
    it: "{count, plural, one {# riga non scritta per intero (foglio o colonna mancante, o cella con formula): il cloud la conserva} other {# righe non scritte per intero (foglio o colonna mancante, o cella con formula): il cloud le conserva}}.",
    en: "{count, plural, one {# row not written in full (missing sheet or column, or a formula cell): the cloud keeps it} other {# rows not written in full (missing sheet or column, or a formula cell): the cloud keeps them}}.",
  },
  "sync.keep-mine-failed": {
    it: "La tua versione di {key} non è stata accettata ({status}): il conflitto resta aperto.",
    en: "Your version of {key} was not accepted ({status}): the conflict stays open.",
  },
  "sync.workbook-api": {
    it: "Questo file indica l'API {url}. Il tuo accesso verrà inviato a questo indirizzo solo se lo confermi.",
    en: "This file names the API {url}. Your sign-in is sent to this address only if you confirm it.",
  },
  "sync.workbook-api-use": { it: "Usa questo indirizzo", en: "Use this address" },

  // Errors shown to the user
  "error.offline": {
    it: "Nessuna connessione al server. Controlla la rete e riprova.",
    en: "No connection to the server. Check the network and try again.",
  },
  "error.signed-out": {
    it: "Sessione scaduta o accesso non effettuato: accedi di nuovo.",
    en: "Session expired or not signed in: sign in again.",
  },
  "error.forbidden": {
    it: "Non hai i permessi per questa operazione su questo piano.",
    en: "You do not have permission for this operation on this plan.",
  },
  "error.not-found": { it: "Non trovato sul server.", en: "Not found on the server." },
  "error.too-large": {
    it: "Richiesta troppo grande per il server.",
    en: "Request too large for the server.",
  },
  "error.refused": {
    it: "Il server ha rifiutato la richiesta: {detail}",
    en: "The server refused the request: {detail}",
  },
  "error.server": {
    it: "Errore del server (codice {id}). Riprova più tardi.",
    en: "Server error (code {id}). Try again later.",
  },
  "error.bad-response": { it: "Risposta del server non valida.", en: "Invalid response from the server." },
  "error.excel": {
    it: "Excel non ha completato l'operazione: {detail}",
    en: "Excel could not complete the operation: {detail}",
  },
  "feature.lambda-names-unavailable": {
    it: "Questa versione di Excel non ha le funzioni LAMBDA, quindi =PRL() non si può installare. Usa =CLUSTER.PRL(A2): funziona in ogni versione.",
    en: "This version of Excel has no LAMBDA functions, so =PRL() cannot be installed. Use =CLUSTER.PRL(A2): it works in every version.",
  },
  "feature.trigger-source-unavailable": {
    it: "Questa versione di Excel non dice chi ha modificato una cella (ExcelApi 1.14): una tua modifica a una cella che il componente ha appena scritto, entro un secondo, non riavvia subito la validazione.",
    en: "This version of Excel does not say who changed a cell (ExcelApi 1.14): your edit of a cell the add-in has just written, within a second, does not rerun the validation at once.",
  },
  "settings.excel": { it: "Questa versione di Excel", en: "This version of Excel" },
  // Sign-in failures, one per AuthError code (addin/auth/token-source.ts)
  "error.auth.not-configured": {
    it: "Questa versione del componente non ha le impostazioni di accesso: chiedi all'amministratore di pubblicare una release (npm run release).",
    en: "This build of the add-in has no sign-in settings: ask your administrator to publish a release (npm run release).",
  },
  "error.auth.naa-unavailable": {
    it: "Excel non ha potuto avviare l'accesso con l'account di Office. Chiudi e riapri il pannello; se continua, aggiorna Office.",
    en: "Excel could not start sign-in with your Office account. Close and reopen the pane; if it persists, update Office.",
  },
  "error.auth.silent-failed": {
    it: "Accesso non riuscito (rete o configurazione). Controlla la connessione e riprova.",
    en: "Sign-in failed (network or configuration). Check your connection and try again.",
  },
  "error.auth.cancelled": {
    it: "Accesso annullato. Premi Accedi per riprovare.",
    en: "Sign-in cancelled. Press Sign in to try again.",
  },
  "error.auth.popup-blocked": {
    it: "La finestra di accesso è stata bloccata. Consenti le finestre pop-up per Excel e premi di nuovo Accedi.",
    en: "The sign-in window was blocked. Allow pop-ups for Excel and press Sign in again.",
  },
  "error.auth.interactive-failed": {
    it: "Accesso non completato: l'account potrebbe non avere il consenso per Action Plan. Chiedi all'amministratore.",
    en: "Sign-in not completed: your account may lack consent for Action Plan. Ask your administrator.",
  },
  "error.auth.dialog-failed": {
    it: "La finestra di accesso di Office non si è aperta o non ha risposto. Riprova.",
    en: "Office's sign-in dialog did not open or did not answer. Try again.",
  },
  "error.auth.dev-unavailable": {
    it: "Il server locale non fornisce token di sviluppo: è avviato (npm start)?",
    en: "The local server gives no dev token: is it running (npm start)?",
  },

  // Settings
  "settings.api": { it: "Indirizzo dell'API", en: "API address" },
  "settings.api-hint": { it: "Es. https://api.example.org", en: "E.g. https://api.example.org" },
  "settings.plan": { it: "Piano collegato a questo file", en: "Plan bound to this file" },
  "settings.plan-hint": {
    it: "Salvato nel file, così la sincronizzazione notturna sa a quale piano appartiene.",
    en: "Saved in the file, so the nightly sync knows which plan it belongs to.",
  },
  "settings.language": { it: "Lingua", en: "Language" },
  "settings.language.auto": { it: "Come Office", en: "Same as Office" },
  "settings.language.it": { it: "Italiano", en: "Italiano" },
  "settings.language.en": { it: "English", en: "English" },
  "settings.save": { it: "Salva", en: "Save" },
  "settings.saved": { it: "Impostazioni salvate.", en: "Settings saved." },
  "settings.lambdas": { it: "Installa le formule =PRL()", en: "Install the =PRL() formulas" },
  "settings.lambdas-hint": {
    it: "Definisce i nomi PRL, PRLNEXT e BUDGET nella cartella di lavoro (=CLUSTER.PRL funziona sempre).",
    en: "Defines the names PRL, PRLNEXT and BUDGET in the workbook (=CLUSTER.PRL always works).",
  },
  "settings.lambdas-done": { it: "Nomi definiti: {names}.", en: "Names defined: {names}." },
  "settings.lambdas-conflicts": {
    it: "Nomi già usati nella cartella per altro, lasciati com'erano: {names} (usa =CLUSTER.PRL).",
    en: "Names already used in the workbook for something else, left as they were: {names} (use =CLUSTER.PRL).",
  },
  "settings.codes": { it: "Assegna i codici mancanti", en: "Assign missing codes" },
  "settings.codes-hint": {
    it: "Scrive nel foglio i codici delle linee assegnati automaticamente, così restano stabili.",
    en: "Writes the automatically assigned line codes into the sheet so they stay stable.",
  },
  "settings.codes-none": { it: "Nessun codice da assegnare.", en: "No codes to assign." },

  // Preview page (the in-memory workbook beside the pane)
  "preview.workbook": { it: "Cartella di lavoro", en: "Workbook" },
  "preview.sheets": { it: "Fogli", en: "Sheets" },
  "preview.formula-bar": { it: "Barra della formula", en: "Formula bar" },
  "preview.enter": { it: "Inserisci", en: "Enter" },
  "preview.more-rows": {
    it: "{count, plural, one {… un'altra riga} other {… altre # righe}}",
    en: "{count, plural, one {… one more row} other {… # more rows}}",
  },
  "preview.pane": { it: "Pannello Action Plan", en: "Action Plan pane" },

  // Field names shown in sync tables (conflicts, pull preview).
  "field.code": { it: "Codice", en: "Code" },
  "field.acronym": { it: "Acronimo", en: "Acronym" },
  "field.title": { it: "Titolo", en: "Title" },
  "field.description": { it: "Descrizione", en: "Description" },
  "field.priority": { it: "Priorità", en: "Priority" },
  "field.types": { it: "Tipologia di progetto", en: "Type of project" },
  "field.line": { it: "Linea", en: "Line" },
  "field.programme": { it: "Programma", en: "Programme" },
  "field.call": { it: "Bando", en: "Call" },
  "field.actionType": { it: "Tipo di azione", en: "Action type" },
  "field.deadline": { it: "Scadenza", en: "Deadline" },
  "field.submitted": { it: "Data presentazione", en: "Submission date" },
  "field.coordinator": { it: "Capofila", en: "Coordinator" },
  "field.partners": { it: "Partner", en: "Partners" },
  "field.members": { it: "Soci coinvolti", en: "Cluster members" },
  "field.totalBudget": { it: "Budget totale", en: "Total budget" },
  "field.requested": { it: "Contributo richiesto", en: "Requested funding" },
  "field.outcome": { it: "Esito", en: "Outcome" },
  "field.startDate": { it: "Data inizio", en: "Start date" },
  "field.durationMonths": { it: "Durata (mesi)", en: "Duration (months)" },
  "field.objectives": { it: "Obiettivi", en: "Objectives" },
  "field.lastUpdate": { it: "Aggiornato il", en: "Last update" },
  "field.prlStated": { it: "PRL scritto", en: "Stated PRL" },
  "field.ticks": { it: "Spunte PRL", en: "PRL ticks" },
  "field.extra": { it: "Altre colonne", en: "Other columns" },
  "field.project": { it: "Progetto", en: "Project" },
  "field.category": { it: "Voce di costo", en: "Cost category" },
  "field.categoryLabel": { it: "Voce (come scritta)", en: "Category (as written)" },
  "field.amount": { it: "Importo", en: "Amount" },
  "field.year": { it: "Anno", en: "Year" },
  "field.partner": { it: "Partner", en: "Partner" },
  "field.rate": { it: "Aliquota", en: "Rate" },
  "field.key": { it: "Chiave", en: "Key" },
} as const satisfies Record<string, { it: string; en: string }>;

/** Every UI string key. */
export type StringKey = keyof typeof STRINGS;

/** Parameters filled into `{name}` placeholders. */
export type StringParams = Record<string, string | number>;

/**
 * Renders a UI string in `locale`, filling placeholders; a missing parameter stays as `{name}`
 * so a mistake is visible instead of silently blank.
 * @example translate("it", "validate.counts", { errors: 2, warnings: 1 }) // "2 errori, 1 avviso"
 */
export function translate(locale: Locale, key: StringKey, params?: StringParams): string {
  return lookup(STRINGS, key, locale, params);
}

/** A translator bound to one locale, as components receive it. */
export type Translate = (key: StringKey, params?: StringParams) => string;

/** The label of a synced field ("totalBudget" → "Budget totale"), or the field name when unknown. */
export function fieldLabel(t: Translate, field: string): string {
  const key = `field.${field}`;
  return Object.prototype.hasOwnProperty.call(STRINGS, key) ? t(key as StringKey) : field;
}

/** Binds `translate` to a locale. */
export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}
