import { randomUUID } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import subsetFont from 'subset-font';
import { chartFontFile } from './chart-font.js';
import { commonCharacters } from './common-characters.js';

// Why a subset: resvg shapes every text run against the font's layout tables, and Noto Sans SC's (10 MB, 30,000
// glyphs) make each run cost ~3 ms, ~250 ms for a table or a heat map. A subset of the characters charts draw makes
// it ~0.2 ms. It is written to a file, not passed as a buffer: resvg-js copies a font buffer into its own memory on
// every render (~60 ms for 2 MB), and maps a file. The subset keeps every glyph's outline and the layout features
// as they are, so a chart draws the same pixels with it as with the full font (test/chat/charts/font-subset.test.ts).
//
// Made with subset-font (harfbuzz's subsetter in wasm), which is asynchronous while the charts are not: the first
// chart of a process, and any chart with a character the subset lacks, is drawn with the full font (right, only
// slower) while the subset is made, or made again with the new characters, for the charts after it.

type Subset = { readonly file: string; readonly covers: ReadonlySet<number> };

let current: Subset | undefined;
let building: Promise<void> | undefined;
let failure: Error | undefined;
let generation = 0;
let directory: string | undefined;
/** This module instance's files: `<pid>-<token>-<n>.ttf` (a test runner loads the module more than once a process). */
const token = randomUUID().slice(0, 8);
/** Characters met that the subset lacks: the next build adds them. */
const wanted = new Set<number>();

/**
 * The font file to draw this SVG with: the subset when it covers every character of the SVG, else the full font
 * (and the subset is made again with the characters it lacked). Markup is ASCII, which the subset always covers,
 * so the whole SVG is read rather than its text nodes.
 */
export function fontFileFor(svg: string): string {
  const covers = current?.covers;
  let missing = !covers;
  for (const ch of svg) {
    const c = ch.codePointAt(0)!;
    if (c > 0x7e && !covers?.has(c)) {
      wanted.add(c);
      missing = true;
    }
  }
  if (!missing && current) return current.file;
  if (!failure) void prepareChartFont().catch(() => undefined);
  return chartFontFile();
}

/**
 * Makes the subset (common characters and every character met so far) if it is missing or lacks one, and resolves
 * once the charts draw with it. Charts call it themselves; a caller about to draw many may await it first. A failed
 * build rejects, and charts keep the full font for the rest of the process.
 */
export function prepareChartFont(): Promise<void> {
  if (failure) return Promise.reject(failure);
  building ??= buildUntilCovered().finally(() => {
    building = undefined;
  });
  return building;
}

async function buildUntilCovered(): Promise<void> {
  const full = await readFile(chartFontFile());
  // Characters met during a build wait for the next one: loop until the subset has them all.
  while (!current || [...wanted].some((c) => !current?.covers.has(c))) {
    const covers = new Set([...codePoints(commonCharacters()), ...wanted]);
    try {
      current = await writeSubset(full, covers, current);
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      throw failure;
    }
  }
}

async function writeSubset(full: Buffer, covers: Set<number>, previous: Subset | undefined): Promise<Subset> {
  const text = String.fromCodePoint(...covers);
  // No hinting: resvg does not hint (and the file is smaller); outlines and layout tables are kept as they are.
  const font = await subsetFont(full, text, { targetFormat: 'sfnt', noHinting: true });
  const file = path.join(subsetDirectory(), `${process.pid}-${token}-${++generation}.ttf`);
  // Written whole before it is named: a chart never maps a half-written file.
  await writeFile(`${file}.part`, font);
  await rename(`${file}.part`, file);
  // resvg reads the font while it builds its tree, synchronously: no chart is still using the previous file.
  if (previous) await rm(previous.file, { force: true });
  return { file, covers };
}

/**
 * The user's own directory for the subsets (mode 0700 and checked to be theirs, so no one else can put a font in
 * it). A process removes its files at exit; files of processes that died without exiting (killed, a test runner's
 * worker) are removed by the next process that makes a subset.
 */
function subsetDirectory(): string {
  if (directory) return directory;
  const made = path.join(tmpdir(), `leadrelay-chart-font-${process.getuid?.() ?? 'user'}`);
  mkdirSync(made, { recursive: true, mode: 0o700 });
  const stat = lstatSync(made);
  if (!stat.isDirectory() || (process.getuid && stat.uid !== process.getuid()) || (stat.mode & 0o077) !== 0)
    throw new Error(
      `${made} is not a directory of this user's alone: the chart font subset is not written there`,
    );
  for (const name of readdirSync(made))
    if (!isAlive(Number.parseInt(name, 10))) rmSync(path.join(made, name), { force: true });
  const mine = `${process.pid}-${token}-`;
  process.once('exit', () => removeFiles(made, (name) => name.startsWith(mine)));
  directory = made;
  return made;
}

function removeFiles(dir: string, which: (name: string) => boolean): void {
  try {
    for (const name of readdirSync(dir)) if (which(name)) rmSync(path.join(dir, name), { force: true });
  } catch {
    // Gone already, or unreadable: leftovers in a temporary directory are harmless.
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, another user's (not in this directory, but not ours to judge).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function codePoints(text: string): number[] {
  return Array.from(text, (ch) => ch.codePointAt(0)!);
}
