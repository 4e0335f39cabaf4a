/**
 * The in-memory plan model of the shared runtime: built from the workbook's sheets, refreshed
 * (debounced) when they change, read by the custom functions and the task pane alike.
 * React-free and Office-free: it takes a source with `readSnapshot` (the Excel adapter).
 *
 * @example
 * const store = new PlanStore(new ExcelAdapter({ run: Excel.run }));
 * await store.start();                     // first read + change watch
 * store.subscribe((m) => console.log(m.version));
 * store.model?.prl("milestone").lookup("5.1");
 */
import { analyzeWorkbook, type Analysis } from "#core/analyze.ts";
import { prlIndex, type PrlIndex, type PrlMode } from "#core/prl/index.ts";
import { computeRollups, type Rollups } from "#core/report/index.ts";
import type { Locale, WorkbookSnapshot } from "#core/snapshot/types.ts";

/** Where the store reads the workbook from (the Excel adapter satisfies it). */
export interface PlanSource {
  readSnapshot(): Promise<WorkbookSnapshot>;
  onChanged?(callback: () => void, debounceMs?: number): Promise<{ dispose(): Promise<void> }>;
}

/** One version of the plan with lazily built, cached lookups. */
export class PlanModel {
  readonly #prl = new Map<PrlMode, PrlIndex>();
  #rollups: Rollups | undefined;

  constructor(
    readonly version: number,
    readonly snapshot: WorkbookSnapshot,
    readonly analysis: Analysis,
  ) {}

  get locale(): Locale {
    return this.snapshot.locale ?? "it";
  }

  /** PRL of every project, line and priority in `mode` (built once per model). */
  prl(mode: PrlMode): PrlIndex {
    let index = this.#prl.get(mode);
    if (index === undefined) {
      index = prlIndex(this.analysis.plan, mode);
      this.#prl.set(mode, index);
    }
    return index;
  }

  /** Budget roll-ups (built once per model). */
  rollups(): Rollups {
    // The analysis already summarised the budgets (stated rates applied) for its checks.
    this.#rollups ??= computeRollups(this.analysis.plan, this.analysis.budgets);
    return this.#rollups;
  }
}

export type PlanListener = (model: PlanModel) => void;

export interface PlanStoreOptions {
  /** Quiet time after the last edit before re-reading the sheets. */
  debounceMs?: number;
}

export class PlanStore {
  readonly #source: PlanSource;
  readonly #debounceMs: number;
  readonly #listeners = new Set<PlanListener>();
  #model: PlanModel | undefined;
  #error: unknown;
  #version = 0;
  #inFlight: Promise<PlanModel> | undefined;
  #again = false;
  #watch: { dispose(): Promise<void> } | undefined;
  #firstWaiters: { resolve: (m: PlanModel) => void; reject: (e: unknown) => void }[] = [];

  constructor(source: PlanSource, options: PlanStoreOptions = {}) {
    this.#source = source;
    this.#debounceMs = options.debounceMs ?? 300;
  }

  /** The latest model, if one was built. */
  get model(): PlanModel | undefined {
    return this.#model;
  }

  /** The last refresh failure (cleared by a successful refresh). */
  get error(): unknown {
    return this.#error;
  }

  /** Reads the workbook, then re-reads it after each burst of edits. */
  async start(): Promise<PlanModel> {
    // Watch first: if the first read fails (Excel busy, cell in edit mode), the next edit retries it.
    if (this.#source.onChanged && !this.#watch) {
      try {
        this.#watch = await this.#source.onChanged(() => {
          // A failed refresh is kept in `error` and retried on the next edit; nothing is thrown here.
          this.refresh().catch(() => undefined);
        }, this.#debounceMs);
      } catch (error) {
        this.#error = error;
      }
    }
    return this.refresh();
  }

  async stop(): Promise<void> {
    const watch = this.#watch;
    this.#watch = undefined;
    await watch?.dispose();
  }

  /**
   * The current model, or the first one once built. Rejects when the first read fails, so a
   * custom function waiting on it always settles.
   */
  ready(): Promise<PlanModel> {
    if (this.#model) return Promise.resolve(this.#model);
    if (this.#error !== undefined && !this.#inFlight) return Promise.reject(this.#error as Error);
    if (!this.#inFlight) void this.refresh().catch(() => undefined);
    return new Promise((resolve, reject) => this.#firstWaiters.push({ resolve, reject }));
  }

  /**
   * Re-reads the workbook now. Calls during a read coalesce into one more read after it, so the
   * model always ends up reflecting the last edit.
   */
  refresh(): Promise<PlanModel> {
    if (this.#inFlight) {
      this.#again = true;
      return this.#inFlight;
    }
    const run = async (): Promise<PlanModel> => {
      try {
        let model: PlanModel;
        do {
          this.#again = false;
          model = this.setSnapshot(await this.#source.readSnapshot());
        } while (this.#again);
        return model;
      } catch (error) {
        this.#error = error;
        const waiters = this.#firstWaiters;
        this.#firstWaiters = [];
        for (const w of waiters) w.reject(error);
        throw error;
      } finally {
        this.#inFlight = undefined;
      }
    };
    this.#inFlight = run();
    return this.#inFlight;
  }

  /** Builds a model from a snapshot read elsewhere (the task pane's validate, the preview page). */
  setSnapshot(snapshot: WorkbookSnapshot): PlanModel {
    const analysis = analyzeWorkbook(snapshot, { locale: snapshot.locale ?? "it" });
    this.#version += 1;
    const model = new PlanModel(this.#version, snapshot, analysis);
    this.#model = model;
    this.#error = undefined;
    const waiters = this.#firstWaiters;
    this.#firstWaiters = [];
    for (const w of waiters) w.resolve(model);
    for (const listener of [...this.#listeners]) listener(model);
    return model;
  }

  /** Calls `listener` with every new model; returns the unsubscribe function. */
  subscribe(listener: PlanListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }
}

const SHARED_KEY = Symbol.for("actionplan.planStore");

/**
 * The one store of the shared runtime. The task pane and the custom functions are separate
 * bundles loaded in the same page, so the instance is kept on `globalThis`, not in a module.
 */
export function sharedPlanStore(create: () => PlanStore): PlanStore {
  const holder = globalThis as { [SHARED_KEY]?: PlanStore };
  holder[SHARED_KEY] ??= create();
  return holder[SHARED_KEY];
}

/** Replaces (or with undefined, forgets) the shared store: for tests and the preview page. */
export function setSharedPlanStore(store: PlanStore | undefined): void {
  const holder = globalThis as { [SHARED_KEY]?: PlanStore };
  if (store) holder[SHARED_KEY] = store;
  else delete holder[SHARED_KEY];
}
