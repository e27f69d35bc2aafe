/** Running Cascade in a child process for the length of a benchmark. */
import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

/**
 * Starts the app on `database` in a child process, runs `measure` with its origin, and stops the
 * child afterwards — also when `measure` throws or the run is interrupted.
 */
export async function withAppServer<T>(database: string, measure: (origin: string) => Promise<T>): Promise<T> {
  const child = fork(fileURLToPath(new URL("./app-server-process.ts", import.meta.url)), [database], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const interrupted = () => {
    child.kill();
    process.exit(130);
  };
  process.prependOnceListener("SIGINT", interrupted);
  try {
    const port = await Promise.race([
      once(child, "message").then(([message]) => (message as { port: number }).port),
      once(child, "exit").then(([code]) => {
        throw new Error(`the server process exited early (code ${code})`);
      }),
    ]);
    return await measure(`http://127.0.0.1:${port}`);
  } finally {
    process.off("SIGINT", interrupted);
    if (child.exitCode === null && child.connected) {
      const exited = once(child, "exit");
      child.disconnect();
      await exited;
    }
    child.kill();
  }
}
