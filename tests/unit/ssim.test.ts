import { describe, expect, it } from 'vitest';
import { ssim } from '../../scripts/bench/ssim.ts';

const [width, height] = [32, 24];
/** A picture with structure: a gradient with a bright square. */
const picture = Array.from({ length: width * height }, (_, index) => {
  const [x, y] = [index % width, Math.floor(index / width)];
  return x > 8 && x < 20 && y > 6 && y < 16 ? 230 : 4 * x + 2 * y;
});
const noisy = (amount: number) => picture.map((value, index) => Math.min(255, Math.max(0, value + ((index * 7919) % 17 - 8) * amount)));

describe('ssim', () => {
  it('is 1 for the same picture', () => {
    expect(ssim(picture, picture, width, height)).toBeCloseTo(1, 10);
  });

  it('falls as a picture loses its likeness', () => {
    const [slight, strong] = [ssim(picture, noisy(0.5), width, height), ssim(picture, noisy(4), width, height)];
    expect(slight).toBeLessThan(1);
    expect(strong).toBeLessThan(slight);
    expect(ssim(picture, picture.map(() => 128), width, height)).toBeLessThan(0.5);
  });

  it('refuses pictures of another size', () => {
    expect(() => ssim(picture, picture.slice(1), width, height)).toThrow('expected two pictures of 32×24 values');
  });
});
