import type { HTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";
import { TitleRow, type TitleRowProps } from "@/components/ui/title-row";

export function Card({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("relative rounded-lg border border-slate-200 bg-white shadow-sm", className)} {...rest} />;
}

export function CardHeader(props: TitleRowProps) {
  return <TitleRow level="card" {...props} />;
}

export function CardBody({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn("px-4 py-4 sm:px-6", className)} {...rest} />;
}
