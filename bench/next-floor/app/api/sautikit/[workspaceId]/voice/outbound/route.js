// The whole "app" of the Next floor: read the callback's body (the join callback must too), answer
// the bytes the real app answered (handed over by the bench in BENCH_FLOOR_ANSWER).
const answer = process.env.BENCH_FLOOR_ANSWER ?? "[]";
const contentType = process.env.BENCH_FLOOR_CONTENT_TYPE ?? "application/json";

export async function POST(request) {
  await request.arrayBuffer();
  return new Response(answer, { headers: { "content-type": contentType, "cache-control": "no-store" } });
}
