// The integration fixture: one call at the top of a test file gives it the app's real route
// handlers on a fresh migrated database, the real emulator process (the run's shared one, or a
// private one with its own settings), the app modules tests call, and helpers for the things most
// tests build first (a workspace signed up and connected to the emulator, signed-in people).
//
//   const app = appFixture();
//   const m = app.lib;
//   it("…", async () => {
//     const ws = await app.workspace();
//     const meeting = await app.meeting(ws.actor, { waitForHost: false });
//     await app.emulator.answerAndConfirm(phone);
//   });
//
// App modules are imported only once the app is configured (lib/env.ts is read on first use and a
// module that reads it at load would otherwise see the wrong database), so `app.lib` fills in when
// the file's first beforeAll has run. A file's own hooks, registered after appFixture(), run after it.
import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { type EmulatorClient, emulatorClient } from "@/tests/support/emulator-control";
import { type RunningEmulator, startEmulator } from "@/tests/support/emulator-process";
import { createTestDatabase } from "@/tests/support/test-db";
import { type Client, createPeople, type People, type Person, signedIn } from "../reliability/support/http-client";
import { meetingInput } from "../meetings/support";
import { type AppServer, startAppServer } from "./app-server";

async function loadLib() {
  const [db, crypto, schedule, add, dial, everyone, end, roster, connect, jobs, en, sw] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/crypto"),
    import("@/lib/meetings/schedule-meeting"),
    import("@/lib/meetings/add-participant"),
    import("@/lib/meetings/dial-participant"),
    import("@/lib/meetings/call-everyone"),
    import("@/lib/call-control/end-meeting"),
    import("@/lib/roster/get-meeting-roster"),
    import("@/lib/sautikit/connect-emulator-workspace"),
    import("@/lib/jobs/run-due-jobs"),
    import("@/lib/meetings/prompts/en"),
    import("@/lib/meetings/prompts/sw"),
  ]);
  return {
    db: db.db,
    encryptSecret: crypto.encryptSecret,
    decryptSecret: crypto.decryptSecret,
    scheduleMeeting: schedule.scheduleMeeting,
    addParticipant: add.addParticipant,
    dialParticipant: dial.dialParticipant,
    callEveryone: everyone.callEveryone,
    endMeeting: end.endMeeting,
    buildRoster: roster.buildRoster,
    connectEmulatorWorkspace: connect.connectEmulatorWorkspace,
    runDueJobs: jobs.runDueJobs,
    en: en.en,
    sw: sw.sw,
  };
}

/** The app modules every fixture loads (more per file through `modules`). */
export type AppLib = Awaited<ReturnType<typeof loadLib>>;
type Db = AppLib["db"];
type RosterPerson = Awaited<ReturnType<AppLib["buildRoster"]>>["people"][number];
type Meeting = Awaited<ReturnType<AppLib["scheduleMeeting"]>>;

/** What a list of imported modules adds to `app.lib`: all their exports together (nothing for no list). */
type Exports<M extends Promise<object>[]> = [M[number]] extends [never]
  ? object
  : Taker<M[number]> extends (x: infer All) => void
    ? All
    : never;
// Distributes over the union of modules; inferring back from the union of functions intersects them.
type Taker<P> = P extends Promise<infer E> ? (x: E) => void : never;

export type AppFixtureOptions<M extends Promise<object>[]> = {
  /**
   * Extra app environment (read by lib/env.ts). A function is called in the fixture's beforeAll, after
   * the file's earlier hooks, for settings that name something the file starts first (a mail sink's port).
   */
  env?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /**
   * Start a private emulator with these EMULATOR_* settings (a time scale, no rate limit…) instead
   * of sharing the run's; it is stopped with the app.
   */
  emulatorEnv?: Record<string, string>;
  /**
   * The file's own app modules, `() => [import("@/lib/…"), …]`: imported with the common ones once the
   * app is configured, their exports merged into `app.lib` (two modules may not export one name).
   */
  modules?: () => M;
  /** Serve this directory's route handlers instead of the app's (a probe app under tests/integration/fixtures). */
  appDir?: string;
  /** Run the app's job worker in this process, polling every `intervalMs` (stopped before the app). */
  jobWorker?: { intervalMs: number };
};

/** A member who can sign in (the password is real) and act in lib/ functions (the Actor). */
export type Member = Actor & { password: string };

/** A workspace created by the real sign-up, which (in local mode) gives it its own emulator account. */
export type ConnectedWorkspace = {
  workspaceId: string;
  name: string;
  /** The admin who signed up. */
  actor: Member;
  dialIn: string;
  callerId: string;
  dialInNumberId: string;
  callerIdNumberId: string;
  emulatorWorkspaceId: string;
  /** Adds a member with its own password (an organiser unless said otherwise). */
  addMember(role?: Member["role"]): Promise<Member>;
};

export type AppFixture<X> = {
  readonly url: string;
  readonly emulatorUrl: string;
  readonly databaseUrl: string;
  /** The app modules (db, scheduleMeeting, dialParticipant, …), filled in by beforeAll. */
  readonly lib: AppLib & X;
  /** The emulator's control API, bound (state, phones, waits); usable once beforeAll has run. */
  readonly emulator: EmulatorClient;
  workspace(opts?: { name?: string }): Promise<ConnectedWorkspace>;
  /** A meeting scheduled by `actor` through the real domain function (an hour from now, 10 places, unless overridden). */
  meeting(actor: Actor, overrides?: Record<string, unknown>): ReturnType<AppLib["scheduleMeeting"]>;
  /**
   * What the file's tests share, built once: `setUp` runs in a beforeAll after the fixture's own (the
   * app is up, `lib` filled in), and the object returned here is filled with what it gave, as `lib`
   * is. One typed value in place of `let`s assigned in a hook.
   */
  given<T extends object>(setUp: () => Promise<T>, timeoutMs?: number): T;
  /** A fresh workspace (as `workspace()`) and a meeting its admin scheduled (as `meeting()`). */
  workspaceMeeting(overrides?: Record<string, unknown>): Promise<ConnectedWorkspace & { meeting: Meeting }>;
  /** The meeting's roster row of the person called `name` (as the roster page shows it). */
  person(meetingId: string, name: string): Promise<RosterPerson>;
  /** Two signed-up workspaces: an admin and an organiser in A, an admin in B. */
  people(): Promise<People>;
  /** A cookie-keeping client signed in through Auth.js's real endpoints. */
  signIn(who: Person): Promise<Client>;
};

type Running = AppServer & { databaseUrl: string; emulatorUrl: string };

/** A fresh migrated database and the app serving it, against `emulatorUrl`. */
async function startApp(
  emulatorUrl: string,
  env: Record<string, string> | undefined,
  appDir: string | undefined,
): Promise<Running> {
  const database = await createTestDatabase();
  let server: AppServer;
  try {
    server = await startAppServer({ databaseUrl: database.url, sautikitApiUrl: emulatorUrl, env, appDir });
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

export function appFixture<M extends Promise<object>[] = never[]>(
  opts: AppFixtureOptions<M> = {},
): AppFixture<Exports<M>> {
  type X = Exports<M>;
  let running: Running | undefined;
  let privateEmulator: RunningEmulator | undefined;
  const lib = {} as AppLib & X;
  let worker: { stop(): Promise<void> } | undefined;

  beforeAll(async () => {
    const env = typeof opts.env === "function" ? await opts.env() : opts.env;
    if (opts.emulatorEnv) privateEmulator = await startEmulator({ env: opts.emulatorEnv });
    const emulatorUrl = privateEmulator?.url ?? (inject("emulatorUrl") as string | undefined);
    if (!emulatorUrl) throw new Error("appFixture(): no emulator (the integration global setup starts one)");
    try {
      running = await startApp(emulatorUrl, env, opts.appDir);
    } catch (error) {
      await privateEmulator?.stop();
      throw error;
    }
    Object.assign(lib, await loadLib(), mergeExports(await Promise.all(opts.modules?.() ?? [])));
    if (opts.jobWorker) worker = (await import("@/lib/jobs/worker")).startJobWorker(opts.jobWorker);
  });
  afterAll(async () => {
    await worker?.stop();
    await running?.stop();
    await privateEmulator?.stop();
  });

  const started = (): Running => {
    if (!running) throw new Error("appFixture(): the app is there once the file's beforeAll has run");
    return running;
  };

  return {
    get url() {
      return started().url;
    },
    get emulatorUrl() {
      return started().emulatorUrl;
    },
    get databaseUrl() {
      return started().databaseUrl;
    },
    lib,
    emulator: emulatorClient(() => started().emulatorUrl),
    workspace: (o = {}) => signUpConnected(lib.db, o.name),
    meeting: (actor, overrides = {}) => lib.scheduleMeeting(actor, meetingInput(overrides)),
    given: <T extends object>(setUp: () => Promise<T>, timeoutMs?: number): T => {
      const shared = {} as T;
      beforeAll(async () => void Object.assign(shared, await setUp()), timeoutMs);
      return shared;
    },
    workspaceMeeting: async (overrides = {}) => {
      const ws = await signUpConnected(lib.db);
      return { ...ws, meeting: await lib.scheduleMeeting(ws.actor, meetingInput(overrides)) };
    },
    person: async (meetingId, name) => {
      const row = (await lib.buildRoster(meetingId)).people.find((p) => p.name === name);
      if (!row) throw new Error(`no ${name} on the roster of meeting ${meetingId}`);
      return row;
    },
    people: () => createPeople(lib.db),
    signIn: (who) => signedIn(started().url, who),
  };
}

/** One object of every module's exports; a name two modules export differently is a mistake in the list. */
function mergeExports(modules: object[]): object {
  const merged: Record<string, unknown> = {};
  for (const mod of modules)
    for (const [name, value] of Object.entries(mod)) {
      if (name in merged && merged[name] !== value) throw new Error(`appFixture(): two modules export ${name}`);
      merged[name] = value;
    }
  return merged;
}

async function signUpConnected(db: Db, name = `Workspace ${randomUUID().slice(0, 6)}`): Promise<ConnectedWorkspace> {
  const { signUp } = await import("@/lib/workspaces/sign-up");
  const tag = randomUUID().slice(0, 8);
  const email = `admin-${tag}@example.test`;
  const password = `admin-password-${tag}`;
  const { userId, workspaceId } = await signUp({ name: "The admin", email, password, workspaceName: name });
  const conn = await db.sautikitConnection.findUnique({ where: { workspaceId } });
  if (!conn?.emulatorWorkspace || !conn.dialInNumber || !conn.callerIdNumber)
    throw new Error(`sign-up did not connect workspace ${workspaceId} to the emulator (is it running?)`);
  const actor: Member = { userId, email, name: "The admin", workspaceId, workspaceName: name, role: "admin", password };
  return {
    workspaceId,
    name,
    actor,
    dialIn: conn.dialInNumber,
    callerId: conn.callerIdNumber,
    dialInNumberId: conn.dialInNumberId!,
    callerIdNumberId: conn.callerIdNumberId!,
    emulatorWorkspaceId: conn.emulatorWorkspace,
    addMember: (role = "organiser") => addMember(db, actor, role),
  };
}

async function addMember(db: Db, admin: Member, role: Member["role"]): Promise<Member> {
  const { hashPassword } = await import("@/lib/auth/password");
  const tag = randomUUID().slice(0, 8);
  const password = `${role}-password-${tag}`;
  const user = await db.user.create({
    data: { email: `${role}-${tag}@example.test`, name: `The ${role}`, passwordHash: await hashPassword(password) },
  });
  await db.membership.create({ data: { userId: user.id, workspaceId: admin.workspaceId, role } });
  return { ...admin, userId: user.id, email: user.email, name: user.name, role, password };
}

/** A Kenyan mobile number outside the emulator's magic ranges, unique enough for parallel files. */
export function freshPhone(): string {
  return `+2547${randomInt(20, 99)}${String(randomInt(0, 1_000_000)).padStart(6, "0")}`;
}

export { meetingInput };
