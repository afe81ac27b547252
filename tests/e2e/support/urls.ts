// The e2e stack's addresses (never the dev ports, so a running `npm run dev` is untouched).
// E2E_APP_PORT / E2E_EMULATOR_PORT move them when two checkouts run e2e on one machine at once.
const port = (value: string | undefined, fallback: number) => (value && /^\d+$/.test(value) ? Number(value) : fallback);
export const E2E_APP_PORT = port(process.env.E2E_APP_PORT, 3100);
export const E2E_EMULATOR_PORT = port(process.env.E2E_EMULATOR_PORT, 4110);
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
export const E2E_PGLITE_DIR = ".data/e2e";
// The emulator's seeded account (its documented defaults), pinned so a shell's settings cannot leak in.
export const E2E_EMULATOR_API_KEY = "sk_test_emulator";
export const E2E_EMULATOR_SIGNING_SECRET = "whsec_emulator_local";
