import { describe, expect, it } from "vitest";
import { prepareE2eDatabase } from "@/tests/e2e/support/e2e-database";

// E2E drops and re-creates its database, so it must never touch one on another machine.
describe("prepareE2eDatabase guard", () => {
  it("refuses a non-local PostgreSQL host before connecting", async () => {
    await expect(prepareE2eDatabase("postgresql://u:p@db.example.com:5432/prod")).rejects.toThrow(
      /non-local database host \(db\.example\.com\)/,
    );
    await expect(prepareE2eDatabase("postgres://u:p@10.0.0.5/prod")).rejects.toThrow(/non-local/);
  });

  it("refuses a URL that is not PostgreSQL, without echoing its password", async () => {
    const attempt = prepareE2eDatabase("mysql://root:hunter2@127.0.0.1/db");
    await expect(attempt).rejects.toThrow(/must be a postgresql:\/\/ URL/);
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });
});
