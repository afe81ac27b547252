import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { jobsEnqueued } from "@/lib/jobs/wake";

export type EnqueueInput = {
  kind: string;
  payload?: Prisma.InputJsonValue;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** At most one job ever exists per key: enqueueing the same key again returns the existing job. */
  uniqueKey?: string;
  maxAttempts?: number;
};

type JobWriter = Pick<Prisma.TransactionClient, "job">;

/**
 * Stores a job durably; the worker picks it up once it is due. Pass a transaction client to enqueue
 * atomically with other writes — then call `jobsEnqueued(runAt)` after the commit, because a
 * worker woken before it would not see the job yet.
 */
export async function enqueueJob(
  input: EnqueueInput,
  client: JobWriter = db,
): Promise<{ id: string; created: boolean }> {
  const result = await store(input, client);
  // Outside a transaction the row is committed now: wake this process's worker for it.
  if (result.created && client === db) jobsEnqueued(input.runAt);
  return result;
}

async function store(input: EnqueueInput, client: JobWriter): Promise<{ id: string; created: boolean }> {
  const data = {
    kind: input.kind,
    payload: input.payload ?? {},
    runAt: input.runAt ?? new Date(),
    uniqueKey: input.uniqueKey,
    maxAttempts: input.maxAttempts ?? 8,
  };
  if (!input.uniqueKey) {
    const job = await client.job.create({ data, select: { id: true } });
    return { id: job.id, created: true };
  }
  const existing = await client.job.findUnique({ where: { uniqueKey: input.uniqueKey }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  try {
    const job = await client.job.create({ data, select: { id: true } });
    return { id: job.id, created: true };
  } catch (err) {
    // Lost a race with another enqueue of the same key: theirs stands.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const winner = await client.job.findUnique({ where: { uniqueKey: input.uniqueKey }, select: { id: true } });
      if (winner) return { id: winner.id, created: false };
    }
    throw err;
  }
}
