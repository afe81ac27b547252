import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ClientIntl } from "@/lib/i18n/client-intl";
import type { Namespace } from "@/lib/i18n/catalogs";

/**
 * A settings form in its card: an optional heading, and the client form below it given the
 * catalog `namespaces` it reads (server component: it loads the messages).
 */
export function FormCard({
  namespaces,
  title,
  description,
  className,
  children,
}: {
  namespaces: Namespace[];
  title?: ReactNode;
  description?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card className={className}>
      {title ? <CardHeader title={title} description={description} /> : null}
      <CardBody>
        <ClientIntl namespaces={namespaces}>{children}</ClientIntl>
      </CardBody>
    </Card>
  );
}
