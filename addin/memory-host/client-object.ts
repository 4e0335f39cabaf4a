/**
 * Office.js load/sync semantics in miniature. Every proxy queues its reads (`load`) and writes
 * (property sets, methods) on the request context; nothing touches the workbook until
 * `context.sync()`, which runs the queue in order. Reading a property that was not loaded and
 * synced throws `PropertyNotLoaded`, as Office.js does.
 */
import { apiNotFound, FakeOfficeError, propertyNotLoaded } from "./errors.ts";
import { profileSupports } from "./profile.ts";
import type { FakeWorkbookState } from "./state.ts";

type Op = () => void;

/** The request context: the batch queue and the round-trip counter. */
export class FakeRequestQueue {
  #ops: Op[] = [];
  /** True while a batch runs: proxies navigated to by a load are resolved by that load itself. */
  running = false;

  constructor(readonly state: FakeWorkbookState) {}

  enqueue(op: Op): void {
    this.#ops.push(op);
  }

  get pending(): number {
    return this.#ops.length;
  }

  /**
   * A member of `set` `version` was called: on an Excel without it, the batch fails with
   * ApiNotFound at the next sync. Nothing is queued when the set is there (no extra operation).
   */
  require(member: string, version: string, set = "ExcelApi"): void {
    if (!profileSupports(this.state.profile, set, version))
      this.#ops.push(() => {
        throw apiNotFound(member, set, version);
      });
  }

  /** The same check for a property read by a load, at sync time. */
  check(member: string, version: string, set = "ExcelApi"): void {
    if (!profileSupports(this.state.profile, set, version)) throw apiNotFound(member, set, version);
  }

  /** One round trip: runs the queued batch in order; the first failure rejects and drops the rest. */
  async sync(): Promise<void> {
    this.state.syncCount += 1;
    const ops = this.#ops;
    this.#ops = [];
    this.state.largestBatch = Math.max(this.state.largestBatch, ops.length);
    this.state.batchCells = 0;
    this.state.batchWrittenCells = 0;
    // Office.js always answers asynchronously; keep callers honest about awaiting.
    await Promise.resolve();
    this.running = true;
    try {
      for (const op of ops) op();
    } finally {
      this.running = false;
      // Application.suspendApiCalculationUntilNextSync: "until the next context.sync()" — this one.
      if (this.state.calculationSuspended) this.state.suspendedSyncs += 1;
      this.state.calculationSuspended = false;
      // What the batch wrote reaches the coauthors (even a failed batch's applied part, as in Excel).
      this.state.coauthor?.publish();
      this.#postEvents();
    }
  }

  /** Excel reports API writes (the add-in's own included) as change events, after the batch. */
  #postEvents(): void {
    const events = this.state.pendingEvents ?? [];
    this.state.pendingEvents = [];
    if (events.length === 0) return;
    const handlers = [...this.state.changedHandlers];
    setTimeout(() => {
      for (const event of events) for (const h of handlers) void h(event);
    }, 0);
  }
}

/** The argument shapes `load` accepts in Office.js. */
export type LoadArg = string | string[] | { select?: string | string[] } | undefined;

function loadPaths(arg: LoadArg, defaults: readonly string[]): string[] {
  const raw =
    arg === undefined
      ? [...defaults]
      : typeof arg === "string" || Array.isArray(arg)
        ? arg
        : (arg.select ?? [...defaults]);
  const list = typeof raw === "string" ? raw.split(",") : raw;
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Base of every proxy: loaded property values, null-object state, navigation for load paths. */
export abstract class FakeClientObject {
  readonly #loaded = new Map<string, unknown>();
  #isNull: boolean | undefined;
  readonly #nullable: boolean;
  readonly #children = new Map<string, unknown>();

  constructor(
    protected readonly queue: FakeRequestQueue,
    nullable = false,
  ) {
    this.#nullable = nullable;
    if (!nullable) this.#isNull = false;
    // An *OrNullObject result learns whether it exists at the next sync, in queue order.
    // (One made while a sync runs, by a load path such as "items/customOrNullObject/…", is
    // resolved by that load; queueing it would leave work behind for an extra round trip.)
    else if (!queue.running) queue.enqueue(() => this.resolveNull());
  }

  /** Scalar properties `load()` with no argument loads. */
  protected abstract scalarProps(): readonly string[];
  /** The current value of a scalar property, read from the workbook at sync time. */
  protected abstract read(prop: string): unknown;
  /** Whether the object behind the proxy exists (only asked for *OrNullObject proxies). */
  protected exists(): boolean {
    return true;
  }
  /** Child proxy for a load path segment ("format/fill/color"). */
  protected navigate(prop: string): FakeClientObject {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The property '${prop}' cannot be navigated on this object.`,
    );
  }

  get isNullObject(): boolean {
    if (this.#isNull === undefined) throw propertyNotLoaded("isNullObject");
    return this.#isNull;
  }

  load(props?: LoadArg): this {
    const paths = loadPaths(props, this.scalarProps());
    this.queue.enqueue(() => this.loadNow(paths));
    return this;
  }

  /** @internal Runs at sync time. */
  loadNow(paths: readonly string[]): void {
    if (this.#nullable && !this.resolveNull()) return;
    // Paths through the same child load it once ("areas/items/address,areas/items/formulas"
    // loads both on the same items, as Office.js merges them).
    const children = new Map<string, string[]>();
    for (const path of paths) {
      const slash = path.indexOf("/");
      if (slash === -1) this.#loaded.set(path, this.read(path));
      else {
        const head = path.slice(0, slash);
        children.set(head, [...(children.get(head) ?? []), path.slice(slash + 1)]);
      }
    }
    for (const [head, rest] of children) this.navigate(head).loadNow(rest);
  }

  /** @internal Loads the default scalar properties now (a collection loading its members). */
  loadDefaultsNow(): void {
    this.loadNow(this.scalarProps());
  }

  /** @internal Sets isNullObject; returns true when the object exists. */
  resolveNull(): boolean {
    const exists = this.exists();
    this.#isNull = !exists;
    return exists;
  }

  /** A navigation property: Office.js hands out the same object on every access. */
  protected child<T>(key: string, make: () => T): T {
    let c = this.#children.get(key) as T | undefined;
    if (c === undefined) {
      c = make();
      this.#children.set(key, c);
    }
    return c;
  }

  /** A loaded property, or PropertyNotLoaded. */
  protected loaded<T>(prop: string): T {
    if (!this.#loaded.has(prop)) throw propertyNotLoaded(prop);
    return this.#loaded.get(prop) as T;
  }

  /** Queues a write or method; `must` makes it fail like Office.js on a null object. */
  protected later(op: Op): void {
    this.queue.enqueue(() => {
      if (this.#nullable && !this.exists())
        throw new FakeOfficeError("ItemNotFound", "The requested resource doesn't exist.");
      op();
    });
  }

  /** Unknown property read: a programming error in the caller. */
  protected unknown(prop: string): never {
    throw new FakeOfficeError("InvalidArgument", `The property '${prop}' is not supported by the fake host.`);
  }
}

/** A collection proxy: `items` appear after `load("items/…")` + sync. */
export abstract class FakeCollection<T extends FakeClientObject> extends FakeClientObject {
  #items: T[] | undefined;

  /** Fresh proxies for the current members, created at sync time. */
  protected abstract list(): T[];

  get items(): T[] {
    if (this.#items === undefined) throw propertyNotLoaded("items");
    return this.#items;
  }

  protected scalarProps(): readonly string[] {
    return ["items"];
  }

  protected read(prop: string): unknown {
    return this.unknown(prop);
  }

  /** @internal "items/name" and "name" both load the members' name (Office.js accepts both). */
  override loadNow(paths: readonly string[]): void {
    const items = this.list();
    const memberPaths: string[] = [];
    for (const path of paths) {
      if (path === "items") continue;
      memberPaths.push(path.startsWith("items/") ? path.slice("items/".length) : path);
    }
    for (const item of items) {
      if (memberPaths.length === 0) item.loadDefaultsNow();
      else item.loadNow(memberPaths);
    }
    this.#items = items;
  }
}
