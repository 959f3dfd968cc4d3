import { createServer } from "node:net";

function tryPort(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** The first port from `start` that nothing listens on (0 asks the OS for any free port). */
export async function freePort(start: number, host = "127.0.0.1"): Promise<number> {
  if (start === 0) {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once("error", reject);
      server.listen(0, host, () => {
        const address = server.address();
        server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
      });
    });
  }
  for (let port = start; port < start + 100; port++) if (await tryPort(port, host)) return port;
  throw new Error(`no free port in ${start}–${start + 99}`);
}
