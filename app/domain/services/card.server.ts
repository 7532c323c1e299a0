// The social card (Open Graph image) of a service, drawn from the record: the name,
// the unit, and the current cost and time in large type, so a shared post always
// carries today's figures. SVG text, rendered to a 1200×630 PNG with sharp.
import sharp from "sharp";

export interface CardText {
  name: string;
  unit: string;
  costLabel: string;
  cost: string;
  timeLabel: string;
  time: string;
  version: string;
  site: string;
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

/** Breaks a title into at most `max` lines of about `width` characters. */
export function wrap(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && (line + " " + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > max) {
    const kept = lines.slice(0, max);
    kept[max - 1] = `${kept[max - 1].slice(0, width - 1)}…`;
    return kept;
  }
  return lines;
}

export function cardSvg(c: CardText): string {
  const title = wrap(c.name, 30, 2)
    .map((l, i) => `<tspan x="64" dy="${i === 0 ? 0 : 72}">${escapeXml(l)}</tspan>`)
    .join("");
  const font = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#0f5132"/>
<rect x="0" y="560" width="1200" height="70" fill="#0a3622"/>
<text x="64" y="92" font-family="${font}" font-size="30" fill="#d1e7dd">${escapeXml(c.unit)}</text>
<text x="64" y="180" font-family="${font}" font-size="60" font-weight="bold" fill="#ffffff">${title}</text>
<text x="64" y="360" font-family="${font}" font-size="30" fill="#d1e7dd">${escapeXml(c.costLabel)}</text>
<text x="64" y="440" font-family="${font}" font-size="72" font-weight="bold" fill="#ffd45e">${escapeXml(c.cost)}</text>
<text x="640" y="360" font-family="${font}" font-size="30" fill="#d1e7dd">${escapeXml(c.timeLabel)}</text>
<text x="640" y="440" font-family="${font}" font-size="56" font-weight="bold" fill="#ffffff">${escapeXml(c.time)}</text>
<text x="64" y="606" font-family="${font}" font-size="26" fill="#ffffff">${escapeXml(c.site)}</text>
<text x="1136" y="606" text-anchor="end" font-family="${font}" font-size="26" fill="#ffffff">${escapeXml(c.version)}</text>
</svg>`;
}

export async function cardPng(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}
