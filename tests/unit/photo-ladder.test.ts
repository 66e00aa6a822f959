import { describe, expect, it } from 'vitest';
import { partialOf } from '../../src/publish/disk.ts';
import { fallbackFormat, isMade, parseVariantFile, photoName, photoVariants, photoWidths, shownWidths, variantFile, widthsFor } from '../../src/lib/photos/photo-ladder.ts';

const agencyPhoto = { src: 'kabinett.AbCdEfGhIj', width: 2400, height: 1600, format: 'jpg' as const };

describe('photoName', () => {
  it('is the file name, made safe for URLs, with a digest of the content', () => {
    expect(photoName('Kabinett Sitzung (2).JPG', 'abc')).toMatch(/^kabinett-sitzung-2\.[\w-]{10}$/);
    expect(photoName('über.jpg', 'abc')).toMatch(/^ber\.[\w-]{10}$/);
    expect(photoName('äöü.jpg', 'abc')).toMatch(/^foto\.[\w-]{10}$/);
  });

  it('drops only the last extension, and dashes at either end', () => {
    expect(photoName('Gipfel.2025.jpg', 'abc')).toMatch(/^gipfel-2025\.[\w-]{10}$/);
    expect(photoName(' - Gipfel - .jpg', 'abc')).toMatch(/^gipfel\.[\w-]{10}$/);
  });

  it('changes with the content and stays with the same content', () => {
    expect(photoName('a.jpg', 'eins')).toBe(photoName('a.jpg', 'eins'));
    expect(photoName('a.jpg', 'eins')).not.toBe(photoName('a.jpg', 'zwei'));
  });
});

describe('the ladder of widths and formats', () => {
  it('makes four widths of an agency photo, each as AVIF and JPEG', () => {
    expect(photoWidths(agencyPhoto)).toEqual([400, 800, 1200, 1600]);
    expect(photoVariants(agencyPhoto)).toEqual([400, 800, 1200, 1600].flatMap((width) => [{ width, format: 'avif' }, { width, format: 'jpg' }]));
  });

  it('never makes a photo wider than it is, and a narrow photo in its own width', () => {
    expect(photoWidths({ width: 1000 })).toEqual([400, 800]);
    expect(photoWidths({ width: 300 })).toEqual([300]);
    expect(photoWidths({ width: 1600 })).toEqual([400, 800, 1200, 1600]);
  });

  it('offers the widths up to the first that is sharp on a screen of two device pixels a pixel', () => {
    expect(widthsFor(agencyPhoto, 360)).toEqual([400, 800]);
    expect(widthsFor(agencyPhoto, 400)).toEqual([400, 800]);
    expect(widthsFor(agencyPhoto, 720)).toEqual([400, 800, 1200, 1600]);
    expect(widthsFor({ width: 1000 }, 720)).toEqual([400, 800]);
  });

  it('offers what fits the place a photo is shown in', () => {
    expect(shownWidths(agencyPhoto, 1200)).toEqual([400, 800, 1200]);
    expect(shownWidths(agencyPhoto, Infinity)).toEqual([400, 800, 1200, 1600]);
    expect(shownWidths({ width: 300 }, 1200)).toEqual([300]);
    expect(shownWidths(agencyPhoto, 100)).toEqual([400]);
  });

  it('keeps a PNG a PNG in the fallback, which may be transparent', () => {
    expect(fallbackFormat({ format: 'png' })).toBe('png');
    expect(fallbackFormat({ format: 'webp' })).toBe('jpg');
  });

  it('knows which variants exist', () => {
    expect(isMade(agencyPhoto, { width: 800, format: 'avif' })).toBe(true);
    expect(isMade(agencyPhoto, { width: 800, format: 'png' })).toBe(false);
    expect(isMade(agencyPhoto, { width: 2400, format: 'jpg' })).toBe(false);
  });
});

describe('variant files', () => {
  it('names a variant so that its name can be read back', () => {
    const file = variantFile(agencyPhoto, { width: 800, format: 'avif' });
    expect(file).toBe('kabinett.AbCdEfGhIj-800.avif');
    expect(parseVariantFile(file)).toEqual({ src: agencyPhoto.src, variant: { width: 800, format: 'avif' } });
  });

  it('reads nothing into other names', () => {
    expect(parseVariantFile('kabinett.AbCdEfGhIj-800.webp')).toBeUndefined();
    expect(parseVariantFile('kabinett.jpg')).toBeUndefined();
    expect(parseVariantFile(partialOf('kabinett.AbCdEfGhIj-800.avif'))).toBeUndefined();
  });
});
