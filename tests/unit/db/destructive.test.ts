import { describe, expect, it } from "vitest";
import { findDestructiveChanges, splitSqlStatements } from "@/scripts/db/destructive";
import { normaliseMigrationName, timestampPrefix } from "@/scripts/db/migrations-dir";

const reasons = (sql: string) => findDestructiveChanges(sql).map((c) => c.reason);

describe("splitSqlStatements", () => {
  it("ignores semicolons in strings, quoted identifiers, dollar-quoted bodies and comments", () => {
    const sql = `-- a comment; with a semicolon
      INSERT INTO "a;b" VALUES ('x;y', 'it''s; fine');
      /* block; comment */
      CREATE FUNCTION f() RETURNS trigger AS $fn$ BEGIN PERFORM 1; RETURN NEW; END; $fn$ LANGUAGE plpgsql;
      SELECT 1`;
    const statements = splitSqlStatements(sql);
    expect(statements).toHaveLength(3);
    expect(statements[0]).toBe(`INSERT INTO "a;b" VALUES ('x;y', 'it''s; fine')`);
    expect(statements[1]).toContain("$fn$ BEGIN PERFORM 1; RETURN NEW; END; $fn$");
    expect(statements[2]).toBe("SELECT 1");
  });
});

describe("findDestructiveChanges", () => {
  it("passes Prisma's additive output: new tables, their indexes and keys, nullable and defaulted columns", () => {
    const sql = `
      CREATE TYPE "Kind" AS ENUM ('a', 'b');
      CREATE TABLE "Note" ("id" TEXT NOT NULL, "body" TEXT NOT NULL, CONSTRAINT "Note_pkey" PRIMARY KEY ("id"));
      CREATE UNIQUE INDEX "Note_body_key" ON "Note"("body");
      CREATE INDEX "Meeting_startsAt_idx" ON "Meeting"("startsAt");
      ALTER TABLE "Meeting" ADD COLUMN "notes" TEXT,
      ADD COLUMN "kind" "Kind" NOT NULL DEFAULT 'a',
      ALTER COLUMN "title" DROP NOT NULL;
      ALTER TABLE "Note" ADD CONSTRAINT "Note_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id");
      ALTER TABLE "Leg" DROP CONSTRAINT "Leg_participantId_fkey";
      DROP INDEX "Leg_callId_idx";
      ALTER TYPE "Kind" ADD VALUE 'c';`;
    expect(findDestructiveChanges(sql)).toEqual([]);
  });

  it("flags dropped tables and columns, type changes, new required columns and NOT NULL", () => {
    const sql = `
      DROP TABLE "Recording";
      ALTER TABLE "Meeting" DROP COLUMN "notes",
      ADD COLUMN "code" TEXT NOT NULL,
      ALTER COLUMN "capacity" SET DATA TYPE INTEGER,
      ALTER COLUMN "title" SET NOT NULL;
      ALTER TABLE "public"."Leg" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");`;
    expect(reasons(sql)).toEqual([
      "drops a table and all its rows",
      'drops a column and its data (DROP COLUMN "notes")',
      'adds a required column without a default: fails if the table has rows (ADD COLUMN "code" TEXT NOT NULL)',
      `changes a column's type: values that do not convert are lost or fail (ALTER COLUMN "capacity" SET DATA TYPE INTEGER)`,
      'makes a column required: fails if any row holds NULL (ALTER COLUMN "title" SET NOT NULL)',
      `changes a column's type: values that do not convert are lost or fail (ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new"))`,
    ]);
  });

  it("flags unique indexes and constraints only on tables that already exist", () => {
    const sql = `
      CREATE TABLE "Fresh" ("id" TEXT NOT NULL, "code" TEXT NOT NULL);
      CREATE UNIQUE INDEX "Fresh_code_key" ON "Fresh"("code");
      ALTER TABLE "Fresh" ADD COLUMN "x" TEXT NOT NULL;
      CREATE UNIQUE INDEX "Meeting_pin_key" ON "public"."Meeting"("pin");
      ALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE ("email");`;
    expect(reasons(sql)).toEqual([
      "adds a unique index to an existing table: fails if rows already hold duplicates",
      'adds a unique/primary key constraint: fails on existing duplicates (ADD CONSTRAINT "User_email_key" UNIQUE ("email"))',
    ]);
  });

  it("flags hand-written deletes and ignores destructive words inside strings and function bodies", () => {
    expect(reasons(`TRUNCATE "AuditLog"; DELETE FROM "Job" WHERE true; DROP SCHEMA x CASCADE;`)).toEqual([
      "deletes every row of a table",
      "deletes rows",
      "drops a schema and everything in it",
    ]);
    expect(
      reasons(`INSERT INTO "AuditLog" ("msg") VALUES ('DROP TABLE "User"; ALTER TABLE x DROP COLUMN y');
      CREATE FUNCTION f() RETURNS void AS $$ BEGIN DROP TABLE tmp; END $$ LANGUAGE plpgsql;`),
    ).toEqual([]);
  });
});

describe("migration names", () => {
  it("normalises names and rejects empty ones", () => {
    expect(normaliseMigrationName("  Add Meeting-Notes! ")).toBe("add_meeting_notes");
    expect(() => normaliseMigrationName(" -- ")).toThrow(/--name/);
  });

  it("stamps migrations in UTC like Prisma (YYYYMMDDHHMMSS)", () => {
    expect(timestampPrefix(new Date("2026-01-02T03:04:05.678Z"))).toBe("20260102030405");
  });
});
