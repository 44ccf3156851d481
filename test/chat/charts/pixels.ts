import { Resvg } from '@resvg/resvg-js';

export type Pixels = { readonly pixels: Buffer; readonly width: number; readonly height: number };

/**
 * A PNG back to RGBA pixels without a PNG decoder package: resvg draws an SVG whose only element is the PNG, at
 * its own size, so the pixels are the PNG's.
 */
export function decodePng(png: Buffer, width: number, height: number): Pixels {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return { pixels: image.pixels, width: image.width, height: image.height };
}

export type Box = { readonly x: number; readonly y: number; readonly width: number; readonly height: number };

/** How many pixels in the box are dark (text is drawn in #1d2129 or #86909c on white). */
export function inkIn(image: Pixels, box: Box): number {
  // Read once: on resvg's RenderedImage `pixels` is a getter that copies the whole buffer at every access.
  const pixels = image.pixels;
  let ink = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      const i = (y * image.width + x) * 4;
      const [r, g, b, a] = [pixels[i] ?? 0, pixels[i + 1] ?? 0, pixels[i + 2] ?? 0, pixels[i + 3] ?? 0];
      if (a > 128 && r + g + b < 3 * 180) ink += 1;
    }
  }
  return ink;
}

export const isPng = (png: Buffer) =>
  png.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
