"use client";

import { useContext, type AnchorHTMLAttributes, type MouseEvent } from "react";
// The context next/link itself reads: unlike useRouter(), it is null (not an error) where no App
// Router is mounted (a page rendered on its own, e.g. in a test), and the link stays a plain <a>.
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";

/**
 * The app's internal link: a plain `<a href>` (works without JavaScript, opens in a new tab with
 * Ctrl/⌘/middle click) that navigates with the App Router on a plain left click, so moving between
 * pages keeps the shell and its state like `next/link` does. What it leaves out is `next/link`'s
 * viewport prefetch, ~2.9 KB gzip on every page (ADR 0009): every signed-in page is dynamic with no
 * loading state, so a prefetch fetches nothing a click would not fetch anyway.
 */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const router = useContext(AppRouterContext);
  const navigate = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (!router || !softNavigation(e, rest.target, rest.download)) return;
    e.preventDefault();
    router.push(href);
  };
  return <a href={href} onClick={navigate} {...rest} />;
}

/** A click the App Router should take over: unmodified, primary button, same tab, not a download. */
export function softNavigation(
  e: Pick<MouseEvent, "defaultPrevented" | "button" | "metaKey" | "ctrlKey" | "shiftKey" | "altKey">,
  target?: string,
  download?: unknown,
): boolean {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  return (!target || target === "_self") && download === undefined;
}
