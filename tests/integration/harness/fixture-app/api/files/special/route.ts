// GET /api/files/special — adapter fixture: a static segment wins over the catch-all beside it.
export function GET(): Response {
  return Response.json({ route: "static" });
}
