"use client";

import { lazy, Suspense } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";
import { useT } from "@/lib/i18n/client";
import type { MeetingStatement } from "@/lib/spend/meeting-statement";

// The cost panel sits below the roster, so its code (statement builder, budget form, table) is a
// chunk of its own, fetched after the page's first-load scripts (ADR 0009, P5). On a full page load
// the server has already rendered the panel: React keeps that HTML on screen and hydrates it when the
// chunk arrives, so nothing moves. The fallback shows only when the page is reached by a client-side
// navigation, for the moment the chunk takes.
const MeetingSpendPanel = lazy(() =>
  import("@/components/spend/meeting-spend-panel").then((m) => ({ default: m.MeetingSpendPanel })),
);

export function LateMeetingSpendPanel({ initial }: { initial: MeetingStatement }) {
  const t = useT("SpendPanel");
  return (
    <Suspense
      fallback={
        <Card aria-busy="true">
          <CardHeader title={t("title")} description={t("description")} />
          <CardBody>
            <Spinner label={t("loading")} />
          </CardBody>
        </Card>
      }
    >
      <MeetingSpendPanel initial={initial} />
    </Suspense>
  );
}
