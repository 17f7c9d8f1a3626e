declare module 'string-similarity' {
  /** Dice's coefficient over character bigrams (whitespace removed), in [0, 1]. */
  export function compareTwoStrings(a: string, b: string): number;
  const stringSimilarity: { compareTwoStrings: typeof compareTwoStrings };
  export default stringSimilarity;
}
