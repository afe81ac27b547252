// The e2e stack's fixed addresses (never the dev ports, so a running `npm run dev` is untouched).
export const E2E_APP_PORT = 3100;
export const E2E_EMULATOR_PORT = 4110;
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
export const E2E_PGLITE_DIR = ".data/e2e";
