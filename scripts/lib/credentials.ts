// Formats the seed module's demo credentials for the start-up banner, whatever shape they come in
// (a list of { email, password, role } or a map of role → { email, password }).
type Credential = { email: string; password: string; role?: string };

function isCredential(v: unknown): v is Credential {
  return (
    typeof v === "object" &&
    v !== null &&
    typeof (v as Credential).email === "string" &&
    typeof (v as Credential).password === "string"
  );
}

export function formatCredentials(value: unknown): string[] {
  const list: Credential[] = [];
  if (Array.isArray(value)) list.push(...value.filter(isCredential));
  else if (isCredential(value)) list.push(value);
  else if (typeof value === "object" && value !== null) {
    for (const [role, v] of Object.entries(value)) if (isCredential(v)) list.push({ role, ...v });
  }
  return list.map((c) => `${c.email} / ${c.password}${c.role ? `  (${c.role})` : ""}`);
}
