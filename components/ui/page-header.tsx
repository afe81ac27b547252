import { TitleRow, type TitleRowProps } from "@/components/ui/title-row";

export function PageHeader(props: TitleRowProps) {
  return <TitleRow level="page" {...props} />;
}
