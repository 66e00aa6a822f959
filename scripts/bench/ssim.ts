// SSIM (Wang, Bovik, Sheikh and Simoncelli, 2004) of two greyscale pictures of one size: the
// mean of the structural similarity map, with the usual 11×11 Gaussian window (σ 1.5) and the
// constants for 8-bit values. 1 means the same picture; photographs encoded so that no one sees
// a difference score above about 0.95.
const RADIUS = 5;
const WEIGHTS = (() => {
  const raw = Array.from({ length: 2 * RADIUS + 1 }, (_, index) => Math.exp(-((index - RADIUS) ** 2) / (2 * 1.5 ** 2)));
  const sum = raw.reduce((total, weight) => total + weight, 0);
  return raw.map((weight) => weight / sum);
})();

/** The Gaussian-weighted local mean of every pixel, the window clamped at the edges. */
function blur(values: Float32Array, width: number, height: number): Float32Array {
  const across = new Float32Array(values.length);
  const out = new Float32Array(values.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -RADIUS; k <= RADIUS; k++) sum += WEIGHTS[k + RADIUS] * values[y * width + Math.min(width - 1, Math.max(0, x + k))];
      across[y * width + x] = sum;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let k = -RADIUS; k <= RADIUS; k++) sum += WEIGHTS[k + RADIUS] * across[Math.min(height - 1, Math.max(0, y + k)) * width + x];
      out[y * width + x] = sum;
    }
  }
  return out;
}

export function ssim(a: ArrayLike<number>, b: ArrayLike<number>, width: number, height: number): number {
  const size = width * height;
  if (a.length !== size || b.length !== size) throw new Error(`expected two pictures of ${width}×${height} values`);
  const [x, y] = [Float32Array.from(a), Float32Array.from(b)];
  const [xx, yy, xy] = [new Float32Array(size), new Float32Array(size), new Float32Array(size)];
  for (let index = 0; index < size; index++) {
    xx[index] = x[index] * x[index];
    yy[index] = y[index] * y[index];
    xy[index] = x[index] * y[index];
  }
  const [meanX, meanY, squareX, squareY, product] = [x, y, xx, yy, xy].map((values) => blur(values, width, height));
  const [c1, c2] = [(0.01 * 255) ** 2, (0.03 * 255) ** 2];
  let total = 0;
  for (let index = 0; index < size; index++) {
    const [mx, my] = [meanX[index], meanY[index]];
    const [varianceX, varianceY, covariance] = [squareX[index] - mx * mx, squareY[index] - my * my, product[index] - mx * my];
    total += ((2 * mx * my + c1) * (2 * covariance + c2)) / ((mx * mx + my * my + c1) * (varianceX + varianceY + c2));
  }
  return total / size;
}
