// GET /api/boom — adapter fixture: an unhandled error becomes a generic 500.
export function GET(): Response {
  throw new Error("secret internal detail");
}
