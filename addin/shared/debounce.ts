/**
 * Trailing-edge debounce with an explicit timer source, so tests and the browser preview can
 * drive time. No Node-only APIs.
 */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Debounced {
  (): void;
  /** Runs a pending call now (if any). */
  flush(): void;
  cancel(): void;
}

/** Calls `fn` once, `ms` after the last of a burst of calls. */
export function debounce(fn: () => void, ms: number, timers: Timers = realTimers): Debounced {
  let handle: unknown;
  let pending = false;
  const fire = (): void => {
    pending = false;
    handle = undefined;
    fn();
  };
  const call = (() => {
    if (pending) timers.clear(handle);
    pending = true;
    handle = timers.set(fire, ms);
  }) as Debounced;
  call.flush = () => {
    if (!pending) return;
    timers.clear(handle);
    fire();
  };
  call.cancel = () => {
    if (pending) timers.clear(handle);
    pending = false;
    handle = undefined;
  };
  return call;
}
