import { describe, expect, it } from "vitest";
import { softNavigation } from "@/components/ui/link";

// Which clicks on an app link the App Router takes over (a plain left click in the same tab); every
// other click is the browser's own (new tab, new window, download, a handler that prevented it).

const click = { defaultPrevented: false, button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };

describe("softNavigation", () => {
  it("takes a plain left click in the same tab", () => {
    expect(softNavigation(click)).toBe(true);
    expect(softNavigation(click, "_self")).toBe(true);
  });

  it("leaves modified and other-button clicks, other targets, downloads and prevented clicks to the browser", () => {
    for (const modifier of ["metaKey", "ctrlKey", "shiftKey", "altKey"] as const)
      expect(softNavigation({ ...click, [modifier]: true }), modifier).toBe(false);
    expect(softNavigation({ ...click, button: 1 })).toBe(false);
    expect(softNavigation(click, "_blank")).toBe(false);
    expect(softNavigation(click, undefined, "")).toBe(false);
    expect(softNavigation({ ...click, defaultPrevented: true })).toBe(false);
  });
});
