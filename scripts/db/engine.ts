// Prisma's schema engine (the migration engine) compiled to WebAssembly, driven through driver
// adapters. The Prisma CLI only runs the native engine, which it downloads; this needs no network.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
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
  running++;
  try {
    return await bg.SchemaEngine.new(
      { datamodels: [[options.schemaPath, options.schemaText]] },
      log,
      bindMigrationAwareSqlAdapterFactory(options.factory),
    );
  } catch (error) {
    throw engineError(error);
  } finally {
    settle();
  }
}

/** Runs one engine command, turning its error objects (and panics) into readable Errors. */
export async function runEngine<T>(command: string, call: () => Promise<T>): Promise<T> {
  lastPanic = null;
  running++;
  try {
    return await call();
  } catch (error) {
    const wrapped = engineError(error);
    wrapped.message = `${command} failed: ${wrapped.message}`;
    throw wrapped;
  } finally {
    settle();
  }
}

function engineError(error: unknown): Error {
  if (lastPanic) return new Error(`schema engine panicked: ${lastPanic}`);
  if (error instanceof Error) return error;
  if (error && typeof error === "object") {
    const e = error as { message?: unknown; error_code?: unknown; meta?: unknown };
    const code = typeof e.error_code === "string" ? ` [${e.error_code}]` : "";
    if (typeof e.message === "string") return new Error(`${e.message}${code}`);
    return new Error(JSON.stringify(error));
  }
  return new Error(String(error));
}
