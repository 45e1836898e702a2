"use client";
// Progressive enhancement of the server-rendered SVG charts (svg-chart.tsx). The SVG is the
// first paint and stays the no-JS fallback; once its box has been scrolled into view, the
// user has interacted with the page (pointer, touch, key, wheel or scroll: the interactive
// chart is for someone who is there, and loading it no earlier keeps its rendering off the
// page's first seconds) AND the browser is idle (requestIdleCallback, or a timeout where
// that is missing), the Recharts
// version (tooltips per point and per category) is loaded with next/dynamic({ ssr: false })
// and drawn over the SVG in the same box, so nothing shifts: the SVG stays in the layout,
// only hidden, and keeps sizing the box. `?charts=static` in the URL turns the enhancement
// off (the screenshot test uses it so its pictures do not depend on timing).
import dynamic from "next/dynamic";
import { type ReactNode, startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CumulativeModel, MonthlyModel } from "./chart-models";

export type ChartSize = { width: number; height: number };

const IDLE_TIMEOUT_MS = 2_000;
const NO_IDLE_DELAY_MS = 200;

const CumulativeRecharts = dynamic(() => import("./cumulative-recharts").then((m) => m.CumulativeRecharts), { ssr: false });
const MonthlyRecharts = dynamic(() => import("./monthly-recharts").then((m) => m.MonthlyRecharts), { ssr: false });

/** Whether this page may swap its charts (`?charts=static` says no). */
export function enhancementAllowed(search: string): boolean {
  return new URLSearchParams(search).get("charts") !== "static";
}

const INTERACTIONS = ["pointermove", "pointerdown", "touchstart", "keydown", "wheel", "scroll"] as const;
let interacted: Promise<void> | null = null;

/** Resolves at the user's first interaction with the page (one set of listeners per page). */
export function firstInteraction(target?: Pick<Window, "addEventListener" | "removeEventListener">): Promise<void> {
  if (target) return waitForInteraction(target);
  interacted ??= waitForInteraction(window);
  return interacted;
}

function waitForInteraction(target: Pick<Window, "addEventListener" | "removeEventListener">): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const type of INTERACTIONS) target.removeEventListener(type, done, { capture: true });
      resolve();
    };
    for (const type of INTERACTIONS) target.addEventListener(type, done, { capture: true, passive: true });
  });
}

/** The box's size once it has been in view, the user has interacted and the browser is idle; then kept up to date. */
function useSizeWhenVisibleAndIdle(ref: React.RefObject<HTMLDivElement | null>): ChartSize | null {
  const [size, setSize] = useState<ChartSize | null>(null);
  useEffect(() => {
    const box = ref.current;
    if (!box || !enhancementAllowed(window.location.search) || typeof IntersectionObserver === "undefined") return;
    const measure = () => {
      const rect = box.getBoundingClientRect();
      // A transition: React renders the chart in small slices and yields to the main thread.
      const next = { width: Math.floor(rect.width), height: Math.floor(rect.height) };
      if (next.width > 0 && next.height > 0)
        startTransition(() => setSize((old) => (old && old.width === next.width && old.height === next.height ? old : next)));
    };
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let resize: ResizeObserver | undefined;
    const start = () => {
      measure();
      resize = new ResizeObserver(measure);
      resize.observe(box);
    };
    let cancelled = false;
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      seen.disconnect();
      void firstInteraction().then(() => {
        if (cancelled) return;
        if (typeof window.requestIdleCallback === "function") idle = window.requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS });
        else timer = setTimeout(start, NO_IDLE_DELAY_MS);
      });
    });
    seen.observe(box);
    return () => {
      cancelled = true;
      seen.disconnect();
      resize?.disconnect();
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [ref]);
  return size;
}

/** The SVG (children) until the Recharts chart has mounted; then the chart, in the same box. */
function EnhancedBox({
  testId,
  label,
  children,
  chart,
}: {
  testId: string;
  label: string;
  children: ReactNode;
  chart: (size: ChartSize, onReady: () => void) => ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const size = useSizeWhenVisibleAndIdle(ref);
  const [shown, setShown] = useState(false);
  const onReady = useCallback(() => setShown(true), []);
  // The same element until the size changes, so showing it does not render the chart again.
  const drawn = useMemo(() => (size ? chart(size, onReady) : null), [size, chart, onReady]);
  return (
    <div
      ref={ref}
      className="relative mt-3 w-full min-w-0"
      role="img"
      aria-label={label}
      data-testid={testId}
      data-enhanced={shown ? "true" : "false"}
    >
      <div className={shown ? "invisible" : undefined}>{children}</div>
      {drawn ? <div className={`absolute inset-0 ${shown ? "" : "invisible"}`}>{drawn}</div> : null}
    </div>
  );
}

export function CumulativeChartBox({ label, model, children }: { label: string; model: CumulativeModel; children: ReactNode }) {
  return (
    <EnhancedBox
      testId="cumulative-chart"
      label={label}
      chart={(size, onReady) => <CumulativeRecharts model={model} size={size} onReady={onReady} />}
    >
      {children}
    </EnhancedBox>
  );
}

export function MonthlyChartBox({ label, model, children }: { label: string; model: MonthlyModel; children: ReactNode }) {
  return (
    <EnhancedBox
      testId="monthly-chart"
      label={label}
      chart={(size, onReady) => <MonthlyRecharts model={model} size={size} onReady={onReady} />}
    >
      {children}
    </EnhancedBox>
  );
}
