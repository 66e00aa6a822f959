// Photos the size news agencies deliver, for benchmarks: 2400×1600 JPEG of about 700 KB, with
// smooth colour fields, hard edges and film grain, so that encoders work on them as on
// photographs (a little harder than on the average photo, see README). The project has no
// photos it may publish; these are drawn here and never shipped.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const WIDTH = 2400;
const HEIGHT = 1600;

/** A repeatable stream of numbers in [0, 1) for one picture. */
function random(seed: number) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

async function drawPicture(seed: number): Promise<Buffer> {
  const next = random(seed);
  const byte = () => Math.floor(next() * 256);
  const grid = Buffer.from(Array.from({ length: 24 * 16 * 3 }, byte));
  const fields = await sharp(grid, { raw: { width: 24, height: 16, channels: 3 } }).resize(WIDTH, HEIGHT, { kernel: 'cubic' }).raw().toBuffer();
  const shapes = Array.from({ length: 40 }, () => {
    const [x, y] = [next() * WIDTH, next() * HEIGHT];
    return `<rect x="${x}" y="${y}" width="${next() * 400}" height="${next() * 300}" fill="rgb(${byte()},${byte()},${byte()})" opacity="${0.3 + next() * 0.5}" transform="rotate(${next() * 90} ${x} ${y})"/>`;
  });
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">${shapes.join('')}</svg>`);
  const grain = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .blur(0.8)
    .raw()
    .toBuffer();
  return sharp(fields, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .composite([{ input: svg }, { input: grain, raw: { width: WIDTH, height: HEIGHT, channels: 3 }, blend: 'soft-light' }])
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** `count` different agency-size pictures. */
export const drawPictures = (count: number) => Promise.all(Array.from({ length: count }, (_, index) => drawPicture(index + 1)));

/**
 * A copy of a JPEG with bytes of its own: a comment segment naming `id` follows the start
 * marker. Every copy is a photo the build has never seen, and costs nothing to make.
 */
export function ownCopy(jpeg: Buffer, id: string): Buffer {
  const text = Buffer.from(id, 'utf8');
  const segment = Buffer.alloc(4 + text.length);
  segment.writeUInt16BE(0xfffe, 0);
  segment.writeUInt16BE(2 + text.length, 2);
  text.copy(segment, 4);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/** Writes `names` as own copies of the pictures into `folder`, taking the pictures in turn. */
export function writeOwnCopies(folder: string, names: readonly string[], pictures: readonly Buffer[]) {
  names.forEach((name, index) => writeFileSync(join(folder, name), ownCopy(pictures[index % pictures.length], name)));
}
