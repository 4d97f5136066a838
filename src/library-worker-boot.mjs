// A worker thread's entry, in plain JavaScript: it loads the TypeScript module
// named in `workerData.module` (relative to this folder), at low priority.
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';

// Building is background work: on a busy machine the thread that answers questions
// must win the CPU, from the first module compiled on. Nice 10 gives the build about
// a tenth of a contended core against the serving thread's full share, yet not so
// little that other programs on a shared host starve it (19 made a 1,000-article
// build take minutes there). On Linux a thread is a task with its own niceness and
// "pid 0" is the calling thread; elsewhere it would be the whole process, so the
// worker keeps the default there.
if (process.platform === 'linux') setPriority(10);

// Node 20 applies no --import loader to a worker's entry module: register tsx
// here, then load the TypeScript worker as the rest of the bot is loaded.
const { register } = await import('tsx/esm/api');
register();
await import(new URL(workerData.module, import.meta.url).href);
