// subset-font 2.9 ships no types: the one call the charts make (https://github.com/papandreou/subset-font#api).
declare module 'subset-font' {
  type SubsetOptions = {
    readonly targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    readonly noHinting?: boolean;
    readonly preserveNameIds?: readonly number[];
  };
  export default function subsetFont(font: Buffer, text: string, options?: SubsetOptions): Promise<Buffer>;
}
