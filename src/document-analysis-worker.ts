import { parentPort, workerData } from 'node:worker_threads';
import { analyseAndCache, type AnalysisMessage, type AnalysisShare } from './document-analysis.ts';
import { LibraryCache } from './library-cache.ts';

/** A share of a build's documents, analysed in a worker thread of its own (see analyseDocuments). */
const REPORT_EVERY = 50;

if (!parentPort) throw new Error('document-analysis-worker runs only as a worker thread');
const port = parentPort;
const send = (message: AnalysisMessage): void => port.postMessage(message);

async function analyseShare({ documents, keys, cacheDir }: AnalysisShare): Promise<void> {
  const cache = new LibraryCache(cacheDir);
  let unreported = 0;
  const analyses = await analyseAndCache(cache, documents, keys, () => {
    unreported += 1;
    if (unreported < REPORT_EVERY) return;
    send({ type: 'analysed', count: unreported });
    unreported = 0;
  });
  if (unreported > 0) send({ type: 'analysed', count: unreported });
  send({ type: 'done', analyses, notes: cache.notes });
}

analyseShare(workerData as AnalysisShare).catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
});
