// Draws the project's own images: the neutral placeholder photos the article shows instead of
// the AP photos we have no rights to, and the publisher logo search engines ask for.
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

// Google asks for a raster publisher logo of at most 600×60 pixels.
const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <text x="8" y="45" font-family="DejaVu Serif, serif" font-weight="bold" font-size="42" fill="#16181b">Zeitungsleser</text>
</svg>`;
await sharp(Buffer.from(logo)).png({ compressionLevel: 9, palette: true }).toFile('public/logo.png');
console.log('wrote public/logo.png');
