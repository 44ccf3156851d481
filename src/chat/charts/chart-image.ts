import type { CardImage } from '../card.js';

/** A rendered chart: a PNG, its size in pixels, and its alt text with the key numbers (a CardImage). */
export type ChartImage = CardImage & { readonly png: Buffer };
