import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RosterEvent } from "@/lib/roster/roster-event";

// RosterEvent rows ↔ the reducer's facts. Everything but key/kind/leg/seq/at lives in `data`.

type Row = { key: string; kind: string; legId: string | null; seq: bigint | null; at: Date; data: Prisma.JsonValue };

export function fromRow(row: Row): RosterEvent {
  const data = (row.data && typeof row.data === "object" && !Array.isArray(row.data) ? row.data : {}) as Record<
    string,
    unknown
  >;
  return {
    ...data,
    key: row.key,
    kind: row.kind,
    legId: row.legId,
    at: row.at.getTime(),
    ...(row.seq !== null ? { seq: Number(row.seq) } : {}),
  } as RosterEvent;
}

export function toRowData(event: RosterEvent): {
  key: string;
  kind: string;
  legId: string | null;
  seq: bigint | null;
  at: Date;
  data: Prisma.InputJsonObject;
} {
  const { key, kind, legId, seq, at, ...rest } = event;
  return {
    key,
    kind,
    legId: legId ?? null,
    seq: seq === undefined ? null : BigInt(seq),
    at: new Date(at),
    data: JSON.parse(JSON.stringify(rest)) as Prisma.InputJsonObject,
  };
}
