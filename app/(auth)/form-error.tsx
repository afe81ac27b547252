import { Notice } from "@/components/ui/notice";

export function FormError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <Notice tone="error" testId="form-error">
      {message}
    </Notice>
  );
}
