// Draws the project's own images: the neutral placeholder photos the article shows instead of
// the AP photos we have no rights to, the house ads' illustrations, and the publisher logo
// search engines ask for.
// Run `npm run images` after changing them; the files are committed.
import sharp from 'sharp';

const PLACEHOLDERS = {
  'content/images/videokonferenz.jpg': 'Videokonferenz',
  'content/images/oval-office.jpg': 'Oval Office',
};

const WIDTH = 1600;
const HEIGHT = 900;

const svg = (label) => `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
    <stop offset="0" stop-color="#d7dbe0"/><stop offset="1" stop-color="#aeb5be"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#g)"/>
  <g fill="none" stroke="#5b636d" stroke-width="14" stroke-linejoin="round">
    <rect x="650" y="300" width="300" height="210" rx="24"/>
    <circle cx="800" cy="405" r="62"/>
    <path d="M710 300 l30 -40 h120 l30 40"/>
  </g>
  <text x="800" y="600" font-family="DejaVu Sans, sans-serif" font-size="44" fill="#3d444c" text-anchor="middle">Platzhalterbild: ${label}</text>
  <text x="800" y="660" font-family="DejaVu Sans, sans-serif" font-size="30" fill="#3d444c" text-anchor="middle">Das Originalfoto ist nicht lizenziert.</text>
</svg>`;

for (const [file, label] of Object.entries(PLACEHOLDERS)) {
  await sharp(Buffer.from(svg(label))).jpeg({ quality: 80, mozjpeg: true }).toFile(file);
  console.log(`wrote ${file}`);
}

// House ad illustrations: flat drawings in the site's colours. Each format crops them
// differently (a wide band for the medium rectangle, about a square for the half-page), so each
// motif is drawn in the middle (x 250-650, y 150-450) and shrunk to leave a margin in every crop.
const AD_WIDTH = 900;
const AD_HEIGHT = 600;
/** Drawn larger than the plan above: every format's crop must exist at twice its size. */
const AD_SCALE = 4 / 3;
const INK = '#16181b';
const ACCENT = '#b30d23';
const lines = (x, y, width, count, gap = 22) =>
  Array.from({ length: count }, (_, index) => `<rect x="${x}" y="${y + index * gap}" width="${index === count - 1 ? width * 0.6 : width}" height="8" rx="4" fill="#9aa1a9"/>`).join('');

const HOUSE_ADS = {
  // An envelope with a newspaper page in it.
  'content/images/house-ads/newsletter.png': {
    background: '#e6ebf1',
    motif: `<rect x="360" y="150" width="180" height="170" rx="6" fill="#fff" stroke="${INK}" stroke-width="6"/>
      <rect x="382" y="172" width="136" height="14" rx="4" fill="${ACCENT}"/>${lines(382, 200, 136, 4)}
      <path d="M320 250 h260 v180 h-260 z" fill="#fff" stroke="${INK}" stroke-width="8" stroke-linejoin="round"/>
      <path d="M320 250 l130 100 l130 -100" fill="none" stroke="${INK}" stroke-width="8" stroke-linejoin="round"/>
      <path d="M320 430 l100 -90 M580 430 l-100 -90" stroke="${INK}" stroke-width="6"/>`,
  },
  // A tablet showing an article, beside a folded paper.
  'content/images/house-ads/abo.png': {
    background: '#f2ebe2',
    motif: `<rect x="250" y="175" width="230" height="260" rx="8" fill="#fff" stroke="${INK}" stroke-width="6" transform="rotate(-6 365 305)"/>
      <g transform="rotate(-6 365 305)"><rect x="275" y="200" width="180" height="18" rx="4" fill="${INK}"/>${lines(275, 236, 180, 7)}</g>
      <rect x="430" y="150" width="220" height="300" rx="22" fill="${INK}"/>
      <rect x="446" y="172" width="188" height="250" rx="6" fill="#fff"/>
      <rect x="462" y="190" width="156" height="70" rx="4" fill="#c9ced4"/>
      <rect x="462" y="274" width="156" height="14" rx="4" fill="${ACCENT}"/>${lines(462, 300, 156, 5, 20)}`,
  },
  // The feed symbol over a page of columns.
  'content/images/house-ads/feed.png': {
    background: '#e5ede6',
    motif: `<rect x="300" y="150" width="300" height="300" rx="10" fill="#fff" stroke="${INK}" stroke-width="6"/>
      ${lines(325, 180, 110, 10)}${lines(465, 180, 110, 3)}
      <g transform="translate(470 270)">
        <rect width="110" height="110" rx="18" fill="${ACCENT}"/>
        <circle cx="30" cy="80" r="11" fill="#fff"/>
        <path d="M22 50 a38 38 0 0 1 38 38 M22 22 a66 66 0 0 1 66 66" fill="none" stroke="#fff" stroke-width="13" stroke-linecap="round"/>
      </g>`,
  },
};

for (const [file, { background, motif }] of Object.entries(HOUSE_ADS)) {
  const drawing = `<svg xmlns="http://www.w3.org/2000/svg" width="${AD_WIDTH * AD_SCALE}" height="${AD_HEIGHT * AD_SCALE}" viewBox="0 0 ${AD_WIDTH} ${AD_HEIGHT}">
    <rect width="100%" height="100%" fill="${background}"/>
    <g transform="translate(450 300) scale(0.78) translate(-450 -300)">${motif}</g>
  </svg>`;
  await sharp(Buffer.from(drawing)).png({ compressionLevel: 9, palette: true }).toFile(file);
  console.log(`wrote ${file}`);
}

// Google asks for a raster publisher logo of at most 600×60 pixels.
const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <text x="8" y="45" font-family="DejaVu Serif, serif" font-weight="bold" font-size="42" fill="#16181b">Zeitungsleser</text>
</svg>`;
await sharp(Buffer.from(logo)).png({ compressionLevel: 9, palette: true }).toFile('public/logo.png');
console.log('wrote public/logo.png');
