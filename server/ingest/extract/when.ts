/**
 * When a sentence says its relation held: "In March 2025" → 2025-03, "on 30 July 2023" →
 * 2023-07-30, "since 2021" → 2021/.., "before 2001" → ../2001, "in 2015" → 2015.
 */
import type { When } from '../../domain/index.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.map((m) => m[0]!.toUpperCase() + m.slice(1)).join('|')})`;
const YEAR = '((?:19|20)\\d{2})';

const PATTERNS: Array<{ re: RegExp; when: (m: RegExpExecArray) => string }> = [
  { re: new RegExp(`\\bbetween ${YEAR} and ${YEAR}\\b`, 'g'), when: (m) => `${m[1]}/${m[2]}` },
  { re: new RegExp(`\\b${YEAR}\\s?[–-]\\s?${YEAR}\\b`, 'g'), when: (m) => `${m[1]}/${m[2]}` },
  { re: new RegExp(`\\b(\\d{1,2}) ${MONTH},? ${YEAR}\\b`, 'g'), when: (m) => `${m[3]}-${month(m[2]!)}-${m[1]!.padStart(2, '0')}` },
  { re: new RegExp(`\\b${MONTH} (\\d{1,2}),? ${YEAR}\\b`, 'g'), when: (m) => `${m[3]}-${month(m[1]!)}-${m[2]!.padStart(2, '0')}` },
  { re: new RegExp(`\\b(?:[Ss]ince|[Aa]fter|[Ff]rom) (?:${MONTH} )?${YEAR}\\b(?! (?:to|until|and) )`, 'g'), when: (m) => `${m[1] ? `${m[2]}-${month(m[1])}` : m[2]}/..` },
  { re: new RegExp(`\\b(?:[Bb]efore|[Uu]ntil|[Pp]rior to) (?:${MONTH} )?${YEAR}\\b`, 'g'), when: (m) => `../${m[1] ? `${m[2]}-${month(m[1])}` : m[2]}` },
  { re: new RegExp(`\\b${MONTH},? ${YEAR}\\b`, 'g'), when: (m) => `${m[2]}-${month(m[1]!)}` },
  { re: new RegExp(`\\b${YEAR}\\b(?!\\s?(?:pc|per|%))`, 'g'), when: (m) => m[1]! },
];

function month(name: string): string {
  return String(MONTHS.indexOf(name.toLowerCase()) + 1).padStart(2, '0');
}

/**
 * The first date the text between `start` and `end` gives, ignoring dates inside the
 * `skip` ranges (an actor's name such as "the 2021 Kabul airport bombing").
 */
export function findWhen(text: string, start: number, end: number, skip: Array<[number, number]>): When | undefined {
  const slice = text.slice(start, end);
  // Patterns run from the most to the least specific; the first that matches outside a name wins.
  for (const { re, when } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const at = start + m.index;
      const to = at + m[0].length;
      if (!skip.some(([s, e]) => at < e && to > s)) return when(m) as When;
    }
  }
  return undefined;
}
