// The bench's app is found by polling its /api/health: if something else already listens on the
// port (a dev server, an e2e app that did not stop), the bench would measure that instead.
import net from "node:net";

export async function assertPortFree(port: number, host = "127.0.0.1"): Promise<void> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        new Error(
          err.code === "EADDRINUSE"
            ? `port ${host}:${port} is in use: set BENCH_PORT to a free port`
            : `port ${port}: ${err.message}`,
        ),
      ),
    );
    server.listen(port, host, () => resolve());
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
