import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { useSyncExternalStore } from "react";

export interface ChartSeries {
  name: string;
  data: Array<{ key: string; value: number }>;
}

/**
 * A polaris-viz chart, drawn in the browser only: the library reads `navigator` while rendering,
 * which Node 20 (the server) does not have. The server sends the same figures as a table beside it,
 * and that table is what assistive technology reads: the library's SVG marks its points as images
 * without names and its legends as lists without items, so the drawing itself is hidden from the
 * accessibility tree (and from the tab order: `inert`) and the figure is named by `label`.
 */
export function AnalyticsChart({ kind, series, label, height = 280 }: { kind: "line" | "bar"; series: ChartSeries[]; label: string; height?: number }) {
  const browser = useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
  return (
    <div role="figure" aria-label={label} style={{ height }}>
      {browser && (
        <div {...INERT} style={{ height: "100%" }}>
          <PolarisVizProvider>
            {kind === "line" ? <LineChart data={series} theme="Light" /> : <BarChart data={series} theme="Light" />}
          </PolarisVizProvider>
        </div>
      )}
    </div>
  );
}

const noChange = () => () => undefined;

// React 18 has no `inert` prop; as a plain attribute it reaches the DOM.
const INERT = { inert: "" } as Record<string, string>;
