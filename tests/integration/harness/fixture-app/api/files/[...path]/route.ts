// GET /api/files/[...path] — adapter fixture: catch-all parameters.
export async function GET(_request: Request, { params }: { params: Promise<{ path: string[] }> }): Promise<Response> {
  return Response.json({ route: "catch-all", path: (await params).path });
}
