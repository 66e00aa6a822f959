import { describe, expect, it } from 'vitest';
import { askWorker, pageOf, type WorkerRequest } from '../../src/lib/offline/worker-messages.ts';

const PAGE = 'https://zeitungsleser.example/politik/international/xi/';

describe('pageOf', () => {
  it('names the page a request is about', () => {
    expect(pageOf({ read: [PAGE, `${PAGE}x.js`] })).toBe(PAGE);
    expect(pageOf({ keep: [PAGE] })).toBe(PAGE);
    expect(pageOf({ drop: PAGE })).toBe(PAGE);
  });
});

describe('askWorker', () => {
  it('sends the request with a port of its own and resolves with what the worker answers there', async () => {
    const received: WorkerRequest[] = [];
    const worker = {
      postMessage(request: WorkerRequest, [port]: MessagePort[]) {
        received.push(request);
        port.postMessage({ kept: 'keep' in request });
      },
    } as Pick<ServiceWorker, 'postMessage'>;
    expect(await askWorker(worker, { keep: [PAGE] })).toEqual({ kept: true });
    expect(await askWorker(worker, { drop: PAGE })).toEqual({ kept: false });
    expect(received).toEqual([{ keep: [PAGE] }, { drop: PAGE }]);
  });
});
