/** Generated pathological texts for the extractor's linearity tests: no punctuation, long runs. */
const repeat = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

export const hostileTexts = (bytes: number): Record<string, string> => ({
  'one unpunctuated sentence of actor names and verbs': repeat('the TTP attacked Pakistan and the Taliban supported the TTP while ISIS-K fought the Afghan Taliban in Kunar ', bytes),
  'acronym definitions in one sentence': repeat('Tehrik Alpha Bravo Front (TABF) and Jaish Charlie Delta Army (JCDA) ', bytes),
  'nested quotes': repeat('“Pakistan said ‘the TTP claimed “the BLA accused ‘India of backing ', bytes),
  possessives: repeat("Pakistan's ISI's TTP's Taliban's China's Iran's ", bytes),
  'hedges and names': repeat('officials allegedly said that analysts believe Pakistan may support the TTP according to reports ', bytes),
});
