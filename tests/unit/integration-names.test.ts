import { describe, expect, it } from 'vitest';
import { adProvider } from '../../src/publish/ads/ad-provider.ts';
import { serviceWorker } from '../../src/publish/offline/service-worker.ts';
import { photos } from '../../src/publish/photos/photos.ts';
import { editorPreview } from '../../src/publish/preview/editor-preview.ts';
import { searchIndex } from '../../src/publish/search/search-index.ts';
import { buildRecord } from '../../src/publish/site/build-record.ts';
import { cdnHeaders } from '../../src/publish/site/cdn-headers.ts';

describe('the integrations of the publishing wing', () => {
  // Astro prefixes each integration's log lines and errors with its name: the operator's clue to what spoke.
  it.each([
    [adProvider(undefined), 'ad-provider'],
    [serviceWorker(), 'service-worker'],
    [photos(), 'photos'],
    [editorPreview(), 'editor-preview'],
    [searchIndex({ articlesPerShard: 1 }), 'search-index'],
    [buildRecord({ managed: [] }), 'build-record'],
    [cdnHeaders(), 'cdn-headers'],
  ])('are named in the log: %#', (integration, name) => {
    expect(integration.name).toBe(name);
  });
});
