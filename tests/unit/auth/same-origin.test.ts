import { describe, expect, it } from "vitest";
import { isMutation, isSameOriginRequest } from "@/lib/http/same-origin";

const req = (headers: Record<string, string>, url = "http://127.0.0.1:3000/api/x") =>
  new Request(url, { method: "POST", headers });

describe("isSameOriginRequest", () => {
  it("trusts the browser's Sec-Fetch-Site first", () => {
    expect(isSameOriginRequest(req({ "sec-fetch-site": "same-origin" }))).toBe(true);
    expect(isSameOriginRequest(req({ "sec-fetch-site": "none" }))).toBe(true);
    expect(isSameOriginRequest(req({ "sec-fetch-site": "cross-site", origin: "http://127.0.0.1:3000" }))).toBe(false);
    expect(isSameOriginRequest(req({ "sec-fetch-site": "same-site" }))).toBe(false);
  });

  it("compares Origin with the app's own origin otherwise", () => {
    expect(isSameOriginRequest(req({ origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(isSameOriginRequest(req({ origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(req({ origin: "null" }))).toBe(false);
  });

  it("accepts the public host a proxy forwarded", () => {
    const r = req({
      origin: "https://meet.example.org",
      "x-forwarded-host": "meet.example.org",
      "x-forwarded-proto": "https",
    });
    expect(isSameOriginRequest(r)).toBe(true);
  });

  it("lets non-browser clients (no Origin, no Sec-Fetch-Site) through: they carry no victim's cookies", () => {
    expect(isSameOriginRequest(req({}))).toBe(true);
  });

  it("treats only GET, HEAD and OPTIONS as safe", () => {
    expect(["GET", "HEAD", "OPTIONS"].map(isMutation)).toEqual([false, false, false]);
    expect(["POST", "PUT", "PATCH", "DELETE", "post"].map(isMutation)).toEqual([true, true, true, true, true]);
  });
});
