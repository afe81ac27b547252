// Prisma's schema engine (the migration engine) compiled to WebAssembly, driven through driver
// adapters. The Prisma CLI only runs the native engine, which it downloads; this needs no network.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type { ErrorRegistry, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

export type { SchemaEngine };

type PanicRegistry = { set_message(message: string): void };
const panics = globalThis as typeof globalThis & { PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry };
let lastPanic: string | null = null;

// The engine arms timeouts (10 s) that outlive the commands that set them and would hold the
// process open; they are cleared once no engine command is running any more.
const timers = new Set<NodeJS.Timeout>();
let running = 0;

function settle(): void {
  if (--running > 0) return;
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
}

let loaded: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

// Node 20 cannot import the package's main entry (it imports a `.wasm` file as a module), so the
// wasm-bindgen glue is wired by hand, as its generated entry would do under a bundler.
function loadWasm() {
  loaded ??= (async () => {
    // Without this registry a Rust panic surfaces as an unreadable `unreachable` trap.
    panics.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message) => (lastPanic = message) };
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
    const imports: Record<string, unknown> = { ...bg };
    const setTimeoutKey = Object.keys(bg).find((key) => key.startsWith("__wbg_setTimeout_"));
    if (setTimeoutKey) {
      const original = imports[setTimeoutKey] as (callback: () => void, ms: number) => NodeJS.Timeout;
      imports[setTimeoutKey] = (callback: () => void, ms: number) => {
        const timer = original(callback, ms);
        timers.add(timer);
        return timer;
      };
    }
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
      "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return loaded;
}

export type EngineOptions = {
  factory: SqlMigrationAwareDriverAdapterFactory;
  schemaPath: string;
  schemaText: string;
  onLog?: (line: string) => void;
};

export async function createEngine(options: EngineOptions): Promise<SchemaEngine> {
  const bg = await loadWasm();
  const log = (line: string) => options.onLog?.(line);
  const bound = bindMigrationAwareSqlAdapterFactory(options.factory);
  running++;
  try {
    const engine = await bg.SchemaEngine.new({ datamodels: [[options.schemaPath, options.schemaText]] }, log, bound);
    registries.set(engine, bound.errorRegistry);
    return engine;
  } catch (error) {
    throw engineError(error, bound.errorRegistry);
  } finally {
    settle();
  }
}

/** Runs one engine command, turning its error objects (and panics) into readable Errors. */
export async function runEngine<T>(engine: SchemaEngine, command: string, call: () => Promise<T>): Promise<T> {
  lastPanic = null;
  running++;
  try {
    return await call();
  } catch (error) {
    const wrapped = engineError(error, registries.get(engine));
    wrapped.message = `${command} failed: ${wrapped.message}`;
    throw wrapped;
  } finally {
    settle();
  }
}

// A driver error the adapter wrapper captured reaches us only as "External error id#N"; the
// original (with PostgreSQL's message) waits in the factory's error registry.
const registries = new WeakMap<SchemaEngine, ErrorRegistry>();

function engineError(error: unknown, registry?: ErrorRegistry): Error {
  if (lastPanic) return new Error(`schema engine panicked: ${lastPanic}`);
  let message: string;
  if (error instanceof Error) message = error.message;
  else if (error && typeof error === "object") {
    const e = error as { message?: unknown; error_code?: unknown };
    const code = typeof e.error_code === "string" ? ` [${e.error_code}]` : "";
    message = typeof e.message === "string" ? `${e.message}${code}` : JSON.stringify(error);
  } else message = String(error);

  const id = /External error id#(\d+)/.exec(message)?.[1];
  const record = id === undefined ? undefined : registry?.consumeError(Number(id));
  if (record) message = `${describeDriverError(record.error)}\n${message}`;
  return error instanceof Error && !record ? error : new Error(message);
}

function describeDriverError(error: unknown): string {
  const cause = (error as { cause?: { originalMessage?: string; message?: string; kind?: string } })?.cause;
  return cause?.originalMessage ?? cause?.message ?? (error as Error)?.message ?? String(error);
}
