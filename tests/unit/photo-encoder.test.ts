import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeVariant } from '../../src/publish/photos/photo-encoder.ts';

const FIXTURE = { fsPath: resolve('tests/fixtures/images/foto.jpg') };
let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'photo-encoder-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('encodeVariant', () => {
  it.each([
    ['avif', 'heif', 'av1'],
    ['jpg', 'jpeg', undefined],
    ['png', 'png', undefined],
  ] as const)('makes the %s variant in its width, and leaves only the finished file', async (format, container, compression) => {
    const target = join(folder, `foto-400.${format}`);
    await encodeVariant(FIXTURE, { width: 400, format }, target);
    const metadata = await sharp(target).metadata();
    expect(metadata).toMatchObject({ format: container, width: 400, height: 225 });
    if (compression) expect(metadata.compression).toBe(compression);
    expect(readdirSync(folder)).toEqual([`foto-400.${format}`]);
  });

  it('puts a transparent photo on white for JPEG, which has no transparency', async () => {
    const source = join(folder, 'transparent.png');
    await sharp({ create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toFile(source);
    const target = join(folder, 'transparent-8.jpg');
    await encodeVariant({ fsPath: source }, { width: 8, format: 'jpg' }, target);
    const { data } = await sharp(target).raw().toBuffer({ resolveWithObject: true });
    expect(Math.min(...data)).toBeGreaterThan(250);
  });
});
