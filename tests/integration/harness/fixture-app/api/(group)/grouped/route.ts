// GET /api/grouped — adapter fixture: route groups do not appear in the URL.
export function GET(): Response {
  return Response.json({ route: "grouped" });
}
