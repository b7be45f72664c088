/**
 * A reader for the plain shape most metadata and claims files have: block mappings and block
 * sequences, one `key: value` a line, values plain (a plain value may go on over more indented
 * lines), single- or double-quoted on their line, and whole-line comments. It reads such a
 * file faster than js-yaml, and anything outside that shape (flow collections, block scalars,
 * anchors, tags, inline comments, duplicate keys, plain values YAML would read as other than a
 * string or a decimal integer, …) makes it give up, so that the caller reads the file with
 * js-yaml (yaml-file.ts): what it returns is what js-yaml's core schema returns for the same
 * text, or nothing.
 */

/** The file's value, or undefined when it is not of the plain shape. */
export function readSimpleYaml(source: string): { value: unknown } | undefined {
  // Tabs, carriage returns, a byte order mark and what YAML refuses anywhere (js-yaml checks the same) are left to js-yaml.
  if (UNPRINTABLE.test(source) || ODD_SPACE.test(source)) return undefined;
  const lines: Line[] = [];
  let gap = false;
  for (let start = 0; start < source.length; ) {
    let end = source.indexOf('\n', start);
    if (end === -1) end = source.length;
    let indent = start;
    while (source.charCodeAt(indent) === SPACE) indent++;
    if (indent === end || source.charCodeAt(indent) === HASH) gap = true; // a blank line or a comment
    else {
      const text = source.slice(start, end);
      if (indent === start && (text.startsWith('---') || text.startsWith('...') || text.charCodeAt(0) === PERCENT)) return undefined;
      lines.push({ indent: indent - start, text, gap });
      gap = false;
    }
    start = end + 1;
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  const reader = new Reader(lines);
  try {
    const value = reader.block(-1, 0);
    return reader.at === lines.length ? { value } : undefined;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

interface Line {
  indent: number;
  text: string;
  /** A blank line or a comment comes before it. */
  gap: boolean;
}

const SPACE = 0x20;
const HASH = 0x23;
const PERCENT = 0x25;
const GIVE_UP = Symbol('not the plain shape');
const ODD_SPACE = /[\t\r\uFEFF]/;
const UNPRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;
const LETTER = /^\p{L}/u;
const RESERVED = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const DECIMAL = /^(?:0|[1-9][0-9]{0,14})$/;

const giveUp = (): never => {
  throw GIVE_UP;
};

class Reader {
  at = 0;
  constructor(private readonly lines: Line[]) {}

  /** The block whose lines start at `indent` (a mapping or a sequence), the value of a key at `keyIndent`, from the current line on. */
  block(keyIndent: number, indent: number): unknown {
    const line = this.lines[this.at]!;
    return isItem(line.text, indent) ? this.sequence(keyIndent, indent) : this.mapping(line.text, indent);
  }

  /** A sequence whose dashes are at `indent`: deeper than its key's, or at the same indent, where a line that is not an item ends it. */
  private sequence(keyIndent: number, indent: number): unknown[] {
    const items: unknown[] = [];
    while (this.at < this.lines.length) {
      const line = this.lines[this.at]!;
      if (line.indent < indent) break;
      const item = line.indent === indent && isItem(line.text, indent);
      if (!item && line.indent === indent && keyIndent === indent) break;
      if (!item) giveUp();
      // The item's content starts after "- " and any further spaces; it is a mapping when it is "key: …".
      let start = indent + 1;
      while (line.text.charCodeAt(start) === SPACE) start++;
      if (keyEnd(line.text, start) > 0) items.push(this.mapping(line.text, start));
      else {
        items.push(scalar(line.text.slice(start)));
        this.at++;
      }
    }
    return items;
  }

  /** A mapping whose keys are at `indent`, its first key on the current line (`text`). */
  private mapping(first: string, indent: number): Record<string, unknown> {
    const value: Record<string, unknown> = {};
    let text = first;
    for (;;) {
      const colon = keyEnd(text, indent);
      if (colon < 0) giveUp();
      const name = text.slice(indent, colon);
      if (Object.hasOwn(value, name)) giveUp();
      let rest = colon + 1;
      while (text.charCodeAt(rest) === SPACE) rest++;
      this.at++;
      if (rest < text.length) value[name] = this.continued(indent, text.slice(rest));
      else {
        const next = this.lines[this.at];
        // A nested block is deeper than the key, or a sequence at the key's own indent.
        if (next && (next.indent > indent || (next.indent === indent && isItem(next.text, indent)))) value[name] = this.block(indent, next.indent);
        else value[name] = null;
      }
      const next = this.lines[this.at];
      if (!next || next.indent < indent) break;
      if (next.indent > indent) giveUp();
      text = next.text;
    }
    return value;
  }

  /** The value `first` of a key at `indent`, with the lines after it that are more indented: a plain value over several lines is its lines joined by spaces. */
  private continued(indent: number, first: string): unknown {
    const value = scalar(first);
    let next = this.lines[this.at];
    if (!next || next.indent <= indent) return value;
    if (typeof value !== 'string' || first.charCodeAt(0) === DOUBLE_QUOTE || first.charCodeAt(0) === SINGLE_QUOTE) giveUp();
    let joined = value as string;
    for (; next && next.indent > indent; next = this.lines[++this.at]) {
      // A blank line inside would be a line break, a comment would end the value: left to js-yaml.
      if (next.gap) giveUp();
      const text = next.text.slice(next.indent).trimEnd();
      if (!LETTER_OR_DIGIT.test(text) || !plain(text)) giveUp();
      joined += ` ${text}`;
    }
    return joined;
  }
}

/** The offset of the colon ending a key that starts at `start` ("name:" then a space or the end), or -1. */
function keyEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (!((first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a))) return -1;
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return i + 1 === text.length || text.charCodeAt(i + 1) === SPACE ? i : -1;
    const word = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d;
    if (!word) return -1;
  }
  return -1;
}

/** "- " or a lone "-" at `indent`. */
function isItem(text: string, indent: number): boolean {
  return text.charCodeAt(indent) === 0x2d && (text.length === indent + 1 || text.charCodeAt(indent + 1) === SPACE);
}

/** Nothing in a plain text that YAML would read as a mapping or a comment. */
const plain = (text: string): boolean => !text.includes(': ') && !text.includes(' #') && !text.endsWith(':');

const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** A value on its line: a string or a decimal integer, or give up. */
function scalar(raw: string): unknown {
  const text = raw.charCodeAt(raw.length - 1) === SPACE ? raw.trimEnd() : raw;
  const first = text.charCodeAt(0);
  if (first === DOUBLE_QUOTE) return doubleQuoted(text);
  if (first === SINGLE_QUOTE) return singleQuoted(text);
  if (first >= 0x30 && first <= 0x39) return DECIMAL.test(text) ? Number(text) : giveUp();
  const letter = (first >= 0x61 && first <= 0x7a) || (first >= 0x41 && first <= 0x5a) || (first > 0x7f && LETTER.test(text));
  if (!letter || (text.length <= 5 && RESERVED.has(text)) || !plain(text)) giveUp();
  return text;
}

function singleQuoted(text: string): string {
  if (text.length < 2 || text.charCodeAt(text.length - 1) !== SINGLE_QUOTE) giveUp();
  const inner = text.slice(1, -1);
  if (!inner.includes("'")) return inner;
  // Inside, a quote is written twice; a lone one would end the scalar early.
  if (inner.replaceAll("''", '').includes("'")) giveUp();
  return inner.replaceAll("''", "'");
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0' };

function doubleQuoted(text: string): string {
  let out = '';
  let i = 1;
  for (;;) {
    const quote = text.indexOf('"', i);
    const slash = text.indexOf('\\', i);
    if (quote === -1) return giveUp();
    if (slash === -1 || quote < slash) {
      if (quote !== text.length - 1) giveUp();
      return out + text.slice(i, quote);
    }
    out += text.slice(i, slash);
    const escaped = text[slash + 1];
    if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(slash + 2, slash + 6))) {
      const code = parseInt(text.slice(slash + 2, slash + 6), 16);
      // A surrogate half is left to js-yaml, which pairs escapes its own way.
      if (code >= 0xd800 && code <= 0xdfff) giveUp();
      out += String.fromCharCode(code);
      i = slash + 6;
    } else {
      const replacement = escaped === undefined ? undefined : ESCAPES[escaped];
      if (replacement === undefined) giveUp();
      out += replacement;
      i = slash + 2;
    }
  }
}
