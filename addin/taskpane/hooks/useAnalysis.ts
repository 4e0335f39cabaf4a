/**
 * Reads the workbook and runs the core analysis on demand, again after the user's edits (debounced)
 * when auto re-validation is on, and keeps the highlighting in step with the latest issues.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { analyzeSnapshot } from "../analysis.ts";
import type { Analysis } from "../analysis.ts";
import type { WorkbookHost } from "../services.ts";

export interface AnalysisState {
  analysis: Analysis | undefined;
  /**
   * The analysis was re-run because a coauthor changed cells: shown in this pane only, quietly —
   * no busy state, and the workbook's highlighting (content every coauthor sees) is not rewritten.
   */
  quiet?: boolean;
  running: boolean;
  /** The last failure's detail (shown in the UI), cleared by the next successful run. */
  error: string | undefined;
}

export interface AnalysisControls extends AnalysisState {
  run(): Promise<Analysis | undefined>;
}

/** Delay after the last edit before re-validating: long enough to coalesce a paste or fill. */
export const REVALIDATE_DELAY_MS = 250;

/**
 * What the highlighting shows, as one string: the highlighting is rewritten only when this
 * changes. Excel reports our own marker-sheet writes as worksheet changes too, so re-highlighting
 * identical issues after every validation would loop (highlight → change → validate → highlight).
 */
export function highlightSignature(
  issues: readonly { sheet: string; cell: string; row: number; severity: string }[],
): string {
  return issues.map((i) => `${i.sheet}!${i.cell}#${i.row}:${i.severity}`).join("|");
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function useAnalysis(
  host: WorkbookHost,
  today: () => string,
  options: { auto: boolean; highlight: boolean },
): AnalysisControls {
  const [state, setState] = useState<AnalysisState>({
    analysis: undefined,
    running: false,
    error: undefined,
  });
  // A run requested while another is in flight is coalesced into one follow-up run.
  const inFlight = useRef<Promise<Analysis | undefined> | undefined>(undefined);
  const again = useRef(false);

  // True while only coauthors' changes asked for the pending run.
  const quietNext = useRef(false);

  const runOnce = useCallback(async (): Promise<Analysis | undefined> => {
    const quiet = quietNext.current;
    quietNext.current = false;
    if (!quiet) setState((s) => ({ ...s, running: true }));
    const started = performance.now();
    try {
      const snapshot = await host.readSnapshot();
      const analysis = analyzeSnapshot(snapshot, started, () => performance.now(), today());
      setState({ analysis, quiet, running: false, error: undefined });
      return analysis;
    } catch (e) {
      setState((s) => ({ ...s, running: false, error: message(e) }));
      return undefined;
    }
  }, [host, today]);

  const run = useCallback((): Promise<Analysis | undefined> => {
    if (inFlight.current !== undefined) {
      again.current = true;
      return inFlight.current;
    }
    const p = (async () => {
      let result = await runOnce();
      while (again.current) {
        again.current = false;
        result = await runOnce();
      }
      return result;
    })();
    inFlight.current = p;
    void p.finally(() => {
      inFlight.current = undefined;
    });
    return p;
  }, [runOnce]);

  useEffect(() => {
    if (!options.auto) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let quiet = true;
    const off = host.onChanged((burst) => {
      if (timer !== undefined) clearTimeout(timer);
      if (burst?.remote !== true) quiet = false;
      timer = setTimeout(() => {
        quietNext.current = quiet;
        quiet = true;
        void run();
      }, REVALIDATE_DELAY_MS);
    });
    return () => {
      if (timer !== undefined) clearTimeout(timer);
      off();
    };
  }, [host, options.auto, run]);

  const issues = state.analysis?.issues;
  const quiet = state.quiet === true;
  const signature = useMemo(() => (issues === undefined ? undefined : highlightSignature(issues)), [issues]);
  const latestIssues = useRef(issues);
  latestIssues.current = issues;
  useEffect(() => {
    // A coauthor's edit re-validates this pane only: the marks stay as this person last made them.
    if (quiet) return;
    const current = latestIssues.current;
    const apply =
      options.highlight && current !== undefined ? host.highlightIssues(current) : host.clearHighlights();
    apply.catch((e: unknown) => setState((s) => ({ ...s, error: message(e) })));
  }, [host, options.highlight, signature, quiet]);

  return { ...state, run };
}
