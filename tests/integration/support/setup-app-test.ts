// A fresh migrated database plus the app serving it. Test files use appFixture() (app-fixture.ts), which
// calls this and adds the emulator client, the app modules and the workspace helpers.
import { inject } from "vitest";
import { createTestDatabase } from "@/tests/support/test-db";
import { type AppServer, startAppServer } from "./app-server";

export type AppTest = AppServer & {
  databaseUrl: string;
  /** The run's emulator (from the global setup). */
  emulatorUrl: string | undefined;
};

export async function setupAppTest(
  opts: { env?: Record<string, string>; /** Another emulator than the run's. */ sautikitApiUrl?: string } = {},
): Promise<AppTest> {
  const database = await createTestDatabase();
  const emulatorUrl = opts.sautikitApiUrl ?? (inject("emulatorUrl") as string | undefined);
  let server: AppServer;
  try {
    server = await startAppServer({ databaseUrl: database.url, sautikitApiUrl: emulatorUrl, env: opts.env });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    ...server,
    databaseUrl: database.url,
    emulatorUrl,
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}
