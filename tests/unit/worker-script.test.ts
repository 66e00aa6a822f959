import { describe, expect, it } from 'vitest';
import { shellFiles, workerScript, workerVersion } from '../../src/lib/offline/worker-script.ts';

describe('workerVersion', () => {
  it('is the same for the same parts and another for any change, order included', () => {
    const version = workerVersion(['code', '<html>offline</html>', '_astro/KeepButton.a1.js']);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(workerVersion(['code', '<html>offline</html>', '_astro/KeepButton.a1.js'])).toBe(version);
    expect(workerVersion(['code', '<html>offline</html>', '_astro/KeepButton.b2.js'])).not.toBe(version);
    expect(workerVersion(['<html>offline</html>', 'code', '_astro/KeepButton.a1.js'])).not.toBe(version);
  });

  it('tells parts apart however the text is split between them', () => {
    expect(workerVersion(['ab', 'c'])).not.toBe(workerVersion(['a', 'bc']));
    expect(workerVersion(['abc'])).not.toBe(workerVersion(['ab', 'c']));
  });
});

describe('workerScript', () => {
  it('puts the configuration in front of the code as a constant the code reads', () => {
    const script = workerScript('self.x=OFFLINE.version;', { version: 'abc', shell: ['offline/'] });
    expect(script).toBe('const OFFLINE = {"version":"abc","shell":["offline/"]};\nself.x=OFFLINE.version;');
    const self: { x?: string } = {};
    new Function('self', script)(self);
    expect(self.x).toBe('abc');
  });
});

describe('shellFiles', () => {
  it('names the styles and scripts the pages load from the top of _astro/ under the base, once each, sorted', () => {
    const offline = '<link rel="stylesheet" href="/zeitung/_astro/index.B2.css"><script type="module" src="/zeitung/_astro/Keep.A1.js"></script>';
    const kept = '<script type="module" src="/zeitung/_astro/Keep.A1.js"></script><img src="/zeitung/_astro/fotos/x.avif"><a href="/zeitung/_astro.html">';
    expect(shellFiles([offline, kept], '/zeitung/')).toEqual(['_astro/Keep.A1.js', '_astro/index.B2.css']);
    // Another base's files, a photo below _astro/ and a link to elsewhere are none of them.
    expect(shellFiles(['<script src="/_astro/a.js"></script><script src="https://cdn.example/_astro/b.js"></script>'], '/zeitung/')).toEqual([]);
  });
});
