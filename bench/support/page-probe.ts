// In-page instrumentation for the P6 browser measurement, as plain JavaScript source: a function
// handed to Playwright would be serialised from tsx's transpiled output, which may call helpers
// (esbuild's __name) that do not exist in the page.

const ROW = `[data-testid="roster-row"]`;

/**
 * Installed before the page's own scripts. Records, on the page's clock (ms since navigation
 * start): when the first roster row is in the DOM, the frame after that (painted), and when the
 * roster says "Live updates on" (hydrated, stream open); collects long tasks and the arrival of
 * each pushed roster snapshot; and offers
 * __benchWatch(name, muted, timeoutMs) → epoch ms at which that person's row shows the state.
 */
export const INIT_SCRIPT = `(() => {
  const ROW = ${JSON.stringify(ROW)};
  const b = { rowsAt: null, paintedAt: null, liveAt: null, longTasks: [], snapshots: [] };
  window.__bench = b;
  // Arrival (epoch ms) of every roster snapshot the stream pushes, before the app's own listener.
  const NativeEventSource = window.EventSource;
  if (NativeEventSource) {
    window.EventSource = class extends NativeEventSource {
      constructor(...args) {
        super(...args);
        this.addEventListener("roster", () => b.snapshots.push(performance.timeOrigin + performance.now()));
      }
    };
  }
  const live = () => document.evaluate('//span[text()="Live updates on"]', document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
  const check = () => {
    if (b.rowsAt === null && document.querySelector(ROW)) {
      b.rowsAt = performance.now();
      requestAnimationFrame(() => setTimeout(() => { b.paintedAt = performance.now(); }, 0));
    }
    if (b.liveAt === null && live()) b.liveAt = performance.now();
    if (b.rowsAt !== null && b.liveAt !== null) mo.disconnect();
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true, characterData: true });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  const rowOf = (name) => document.querySelector(ROW + '[data-person="' + CSS.escape(name) + '"]');
  window.__benchRowOf = rowOf;
  window.__benchWatch = (name, muted, timeoutMs) => new Promise((resolve, reject) => {
    const done = () => rowOf(name)?.getAttribute("data-muted") === muted;
    const finish = () => { obs.disconnect(); clearTimeout(timer); };
    const obs = new MutationObserver(() => {
      if (done()) { const t = performance.timeOrigin + performance.now(); finish(); resolve(t); }
    });
    obs.observe(document.body, { attributes: true, attributeFilter: ["data-muted"], childList: true, subtree: true });
    const timer = setTimeout(() => { finish(); reject(new Error("row " + name + " did not show muted=" + muted + " within " + timeoutMs + " ms")); }, timeoutMs);
    if (done()) { finish(); reject(new Error("row " + name + " already showed muted=" + muted)); }
  });
})();`;

/** Arms a watch for one row; the outcome is fetched later with PENDING (never an unhandled rejection). */
export function armWatch(name: string, muted: boolean, timeoutMs: number): string {
  return `void (window.__benchPending = window.__benchWatch(${JSON.stringify(name)}, ${JSON.stringify(String(muted))}, ${timeoutMs}).then((t) => ({ t }), (e) => ({ error: String(e && e.message || e) })))`;
}
export const PENDING = `window.__benchPending`;

/** The rows a person actually sees: in the viewport and not hidden behind anything (hit-tested). */
export const VISIBLE_ROWS = `[...document.querySelectorAll(${JSON.stringify(ROW)})].filter((el) => {
  const r = el.getBoundingClientRect();
  if (r.top < 0 || r.bottom > innerHeight || r.height === 0) return false;
  const hit = document.elementFromPoint(r.left + Math.min(20, r.width / 2), (r.top + r.bottom) / 2);
  return hit !== null && el.contains(hit);
}).map((el) => ({ name: el.dataset.person, muted: el.dataset.muted === "true" }))`;

export const ROW_COUNT = `document.querySelectorAll(${JSON.stringify(ROW)}).length`;

/**
 * Scrolls the roster's own scroll container (a virtualised list's, else the document) towards the
 * end, frame by frame, until the named row is on screen. Resolves to { ms, rows } or throws.
 */
export function scrollToRow(name: string, timeoutMs: number): string {
  return `(async () => {
    const name = ${JSON.stringify(name)};
    const t0 = performance.now();
    let s = document.querySelector(${JSON.stringify(ROW)})?.parentElement ?? null;
    while (s && !(s.scrollHeight > s.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(s).overflowY))) s = s.parentElement;
    const scroller = s ?? document.scrollingElement;
    const visible = () => {
      const el = window.__benchRowOf(name);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      if (r.bottom <= 0 || r.top >= innerHeight || r.height === 0) return false;
      const hit = document.elementFromPoint(r.left + Math.min(20, r.width / 2), Math.max(0, r.top) + Math.min(r.height, innerHeight - Math.max(0, r.top)) / 2);
      return hit !== null && el.contains(hit);
    };
    while (performance.now() - t0 < ${timeoutMs}) {
      // A virtualised list renders the row only once its scroller nears the end; a full table
      // has it already (with other content, e.g. a form, below it on the page).
      const el = window.__benchRowOf(name);
      if (el) el.scrollIntoView({ block: "end" });
      else scroller.scrollTop = scroller.scrollHeight;
      await new Promise((r) => requestAnimationFrame(r));
      if (visible()) return { ms: performance.now() - t0, rows: document.querySelectorAll(${JSON.stringify(ROW)}).length };
    }
    throw new Error("the last row (" + name + ") was not on screen within ${timeoutMs} ms of scrolling");
  })()`;
}
