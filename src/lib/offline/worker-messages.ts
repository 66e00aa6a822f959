/**
 * What a page asks of the worker. `read` and `keep` name the page first, then the hashed files it
 * showed; `drop` names the page to remove from the kept ones.
 */
export type WorkerRequest = { read: string[] } | { keep: string[] } | { drop: string };

/** The worker's answer to every request: whether the page is kept now. */
export interface WorkerAnswer {
  kept: boolean;
}

/** The page a request is about. */
export const pageOf = (request: WorkerRequest): string => ('drop' in request ? request.drop : 'read' in request ? request.read[0] : request.keep[0]);

/** Sends `request` to the worker and resolves with its answer. */
export function askWorker(worker: Pick<ServiceWorker, 'postMessage'>, request: WorkerRequest): Promise<WorkerAnswer> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      channel.port1.close();
      resolve(event.data);
    };
    worker.postMessage(request, [channel.port2]);
  });
}
