/**
 * Pathological texts for the extractor, each about `bytes` long: the shapes that were
 * super-linear (issue 14) — one unpunctuated run of actor names and verbs, acronym
 * definitions in one sentence, nested quotes, chains of possessives.
 */
const fill = (unit: string, bytes: number) => unit.repeat(Math.ceil(bytes / unit.length)).slice(0, bytes);

export const hostileTexts = (bytes: number): Record<string, string> => ({
  'names-and-verbs': fill('the Afghan Taliban supports the TTP and Pakistan accuses Kabul of harbouring Jaish al-Adl while ', bytes),
  acronyms: fill('the Tehreek-e-Taliban Pakistan (TTP) and the Islamic State Khorasan Province (ISKP) and ', bytes),
  'nested-quotes': fill('Pakistan said "the TTP said \'the Taliban said "Kabul backs ', bytes),
  possessives: fill("the TTP's ally's Taliban's leader's Pakistan's ", bytes),
});
