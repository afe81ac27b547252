// GET /api/opt/[[...rest]] — adapter fixture: optional catch-all.
export async function GET(_request: Request, { params }: { params: Promise<{ rest?: string[] }> }): Promise<Response> {
  return Response.json({ rest: (await params).rest ?? null });
}
