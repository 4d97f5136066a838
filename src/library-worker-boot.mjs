// The worker thread's entry. Node 20 applies no --import loader to a worker's
// entry module, so this plain module registers tsx first, then loads the
// TypeScript worker as the rest of the bot is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./library-worker.ts');
