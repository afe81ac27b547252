// The part of autocannon 9's API the benchmarks use (the package ships no types).
declare module "autocannon" {
  type Req = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    timeout?: number;
    requests?: (Req & { setupRequest?: (req: Req) => Req })[];
  };
  export type Histogram = {
    average: number;
    mean: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    max: number;
    total: number;
  };
  export type Result = {
    latency: Histogram;
    requests: Histogram;
    throughput: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    "2xx": number;
    "4xx": number;
    "5xx": number;
    duration: number;
  };
  /** With a callback, the run's event emitter: "response" fires as each answer arrives. */
  export type Tracker = { on(event: "response", listener: () => void): Tracker };
  export default function autocannon(opts: Options): Promise<Result>;
  export default function autocannon(opts: Options, done: (err: Error | null, result: Result) => void): Tracker;
}
