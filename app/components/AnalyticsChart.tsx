import { BarChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { useSyncExternalStore } from "react";

export interface ChartSeries {
  name: string;
  data: Array<{ key: string; value: number }>;
}

/**
 * A polaris-viz chart, drawn in the browser only: the library reads `navigator` while rendering,
 * which Node 20 (the server) does not have. The server sends the same figures as a table beside it.
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
        <PolarisVizProvider>
          {kind === "line" ? <LineChart data={series} theme="Light" /> : <BarChart data={series} theme="Light" />}
        </PolarisVizProvider>
      )}
    </div>
  );
}

const noChange = () => () => undefined;
