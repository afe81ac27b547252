// Stands in for the `use-sync-external-store/shim` package (next.config.mjs aliases it here).
// recharts (the spend chart) imports that shim to support React 16/17; React 19 has the hook built in, and the shim's own
// fallback code (~0.4 KB gzip) would otherwise ship with the chart for nothing.
export { useSyncExternalStore } from "react";
