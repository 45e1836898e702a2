// The worker thread's entry: loads the TypeScript worker through tsx (registered here,
// because Node 20 does not apply a parent's `--import tsx` hooks inside a worker).
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
