import sharp from 'sharp';

/**
 * The demo's supporter photo, drawn here rather than downloaded: a gloved hand in a uniform sleeve holding up a
 * sheet with a heart — the flashmob's way of showing support without showing a face. A JPEG with no metadata.
 */
const picture = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360" viewBox="0 0 480 360">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8fa6bf"/><stop offset="1" stop-color="#dde5ee"/></linearGradient></defs>
<rect width="480" height="360" fill="url(#sky)"/>
<rect y="300" width="480" height="60" fill="#6b7784"/>
<path d="M-10 215 Q110 165 230 205 L330 360 L-10 360 Z" fill="#1f2a44"/>
<g transform="rotate(-9 125 196)"><rect x="50" y="181" width="150" height="30" rx="9" fill="#33416a"/>
<circle cx="95" cy="196" r="5" fill="#d9b44a"/><circle cx="125" cy="196" r="5" fill="#d9b44a"/><circle cx="155" cy="196" r="5" fill="#d9b44a"/></g>
<path d="M215 360 L288 228 L338 228 L300 360 Z" fill="#18213a"/>
<g transform="rotate(-6 330 130)"><rect x="225" y="45" width="215" height="165" rx="6" fill="#fbfaf5" stroke="#c8c4b8" stroke-width="2"/>
<path d="M332 178 C300 152 276 132 276 106 C276 88 290 76 306 76 C318 76 328 83 332 93 C336 83 346 76 358 76 C374 76 388 88 388 106 C388 132 364 152 332 178 Z" fill="#c92a2a"/></g>
<rect x="286" y="196" width="52" height="40" rx="14" fill="#141414"/>
</svg>`;

export function demoSupporterPhoto(): Promise<Buffer> {
  return sharp(Buffer.from(picture)).jpeg({ quality: 82 }).toBuffer();
}
