/**
 * A stand-in for the `CustomFunctions` global of Excel's custom-functions runtime: the Error
 * class, `associate`, and streaming invocations that record what they were given.
 */
import { CODES_WITH_MESSAGE, type Runtime } from "#addin/functions/custom-functions-api.ts";

type CellError = CustomFunctions.Error;
type StreamingInvocation<T> = CustomFunctions.StreamingInvocation<T>;

/**
 * `new CustomFunctions.Error(code, message)` as the cell shows it: Excel keeps a custom message
 * only with #VALUE! and #N/A (CustomFunctions.ErrorCode: "A custom error message can't be used"
 * for the others), so `message` is undefined for any other code.
 */
export class FakeCellError implements CellError {
  readonly message?: string;
  constructor(
    readonly code: CustomFunctions.ErrorCode,
    message?: string,
  ) {
    if (message !== undefined && CODES_WITH_MESSAGE.has(code)) this.message = message;
  }
}

export interface InstalledRuntime {
  /** Functions registered with `associate`, by id. */
  registry: Map<string, (...args: never[]) => unknown>;
  uninstall(): void;
}

/** Installs the global; call `uninstall` after the test. */
export function installCustomFunctions(): InstalledRuntime {
  const registry = new Map<string, (...args: never[]) => unknown>();
  const runtime: Runtime = {
    Error: FakeCellError,
    associate: (id, fn) => {
      if (registry.has(id)) throw new Error(`${id} is already associated`);
      registry.set(id, fn);
    },
  };
  const g = globalThis as { CustomFunctions?: Runtime };
  const previous = g.CustomFunctions;
  g.CustomFunctions = runtime;
  return {
    registry,
    uninstall: () => {
      if (previous) g.CustomFunctions = previous;
      else delete g.CustomFunctions;
    },
  };
}

/** Records every result Excel would show in the cell; `cancel` plays Excel dropping the formula. */
export class FakeStreamingInvocation<T> implements StreamingInvocation<T> {
  readonly results: (T | CellError)[] = [];
  onCanceled: () => void = () => undefined;
  #waiters: (() => void)[] = [];

  setResult(value: T | CellError): void {
    this.results.push(value);
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }

  get last(): T | CellError | undefined {
    return this.results[this.results.length - 1];
  }

  /** Resolves at the next result (or now if `count` results already arrived). */
  next(count = this.results.length + 1): Promise<void> {
    if (this.results.length >= count) return Promise.resolve();
    return new Promise((resolve) =>
      this.#waiters.push(() =>
        this.results.length >= count ? resolve() : void this.next(count).then(resolve),
      ),
    );
  }

  cancel(): void {
    this.onCanceled();
  }
}
