// JSON text as Windows PowerShell 5.1 writes and reads it. Writing: the compact form JavaScriptSerializer
// produces (`<`, `>`, `&` and `'` escaped as \u003c..., dates as "\/Date(ms)\/", enums as numbers), then
// ConvertTo-Json's prettifier, which indents by 4 and puts nested values under their key with `":  "`.
// Reading: an order-keeping parser (JSON.parse would move integer-like keys first).

/** A value ready to serialize: null, boolean, number, string, JsonDate, arrays, or ordered entries. */
export type JsonValue = null | boolean | number | string | JsonDate | JsonValue[] | JsonObject;
export class JsonObject {
  constructor(readonly entries: [string, JsonValue][] = []) {}
}
export class JsonDate {
  constructor(readonly date: Date) {}
}

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function quote(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (ESCAPES[c]) out += ESCAPES[c];
    else if (code < 0x20 || c === '<' || c === '>' || c === '&' || c === "'") out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += c;
  }
  return `${out}"`;
}

function numberText(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '"NaN"' : n > 0 ? '"Infinity"' : '"-Infinity"';
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  return s.includes('e') ? s.replace('e+', 'E+').replace('e-', 'E-') : s;
}

/** The compact JSON of a value (JavaScriptSerializer.Serialize). */
export function compact(v: JsonValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'string') return quote(v);
  if (v instanceof JsonDate) return `"\\/Date(${v.date.getTime()})\\/"`;
  if (Array.isArray(v)) return `[${v.map(compact).join(',')}]`;
  return `{${v.entries.map(([k, x]) => `${quote(k)}:${compact(x)}`).join(',')}}`;
}

/** ConvertTo-Json's 5.1 prettifier over compact JSON. */
export function pretty(json: string): string {
  const out: string[] = [];
  const nl = '\n';
  const quoted = (i: number): number => {
    for (let j = i; j < json.length; j++) {
      out.push(json[j]);
      if (json[j] === '"') {
        let k = j;
        let escaped = false;
        while (k > 0 && json[--k] === '\\') escaped = !escaped;
        if (!escaped) return j;
      }
    }
    return json.length;
  };
  const list = (index: number, pad: string, spaces: number): number => {
    out.push(nl);
    const inner = pad + ' '.repeat(spaces + 4);
    let head = true;
    for (let i = index; i < json.length; i++) {
      const c = json[i];
      if (c === '{' || c === '[') {
        out.push(inner, c);
        i = c === '{' ? dict(i + 1, inner, 0) : list(i + 1, inner, 0);
        head = false;
      } else if (c === ']') {
        out.push(nl, pad, ' '.repeat(spaces), c);
        return i;
      } else if (c === '"') {
        if (head) out.push(inner);
        out.push(c);
        i = quoted(i + 1);
        head = false;
      } else if (c === ',') {
        out.push(c, nl);
        head = true;
      } else {
        if (head) out.push(inner);
        out.push(c);
        head = false;
      }
    }
    return json.length;
  };
  const dict = (index: number, pad: string, spaces: number): number => {
    out.push(nl);
    const inner = pad + ' '.repeat(spaces + 4);
    let head = true;
    let beforeValue = true;
    let keyWidth = 0;
    for (let i = index; i < json.length; i++) {
      const c = json[i];
      if (c === '{' || c === '[') {
        out.push(c);
        i = c === '{' ? dict(i + 1, inner, keyWidth) : list(i + 1, inner, keyWidth);
        head = false;
      } else if (c === '}') {
        out.push(nl, pad, ' '.repeat(spaces), c);
        return i;
      } else if (c === '"') {
        if (head) out.push(inner);
        out.push(c);
        const end = quoted(i + 1);
        if (beforeValue) keyWidth += end - i + 1;
        i = end;
        head = false;
      } else if (c === ':') {
        out.push(c, '  ');
        keyWidth += 3;
        head = false;
        beforeValue = false;
      } else if (c === ',') {
        out.push(c, nl);
        head = true;
        beforeValue = true;
        keyWidth = 0;
      } else {
        if (head) out.push(inner);
        out.push(c);
        if (beforeValue) keyWidth += 1;
        head = false;
      }
    }
    return json.length;
  };
  if (json.startsWith('{')) {
    out.push('{');
    dict(1, '', 0);
  } else if (json.startsWith('[')) {
    out.push('[');
    list(1, '', 0);
  } else return json;
  return out.join('');
}

// ---------------------------------------------------------------- parsing

export class JsonSyntaxError extends Error {}

export type ParsedJson = null | boolean | number | string | ParsedJson[] | { entries: [string, ParsedJson][] };

/** Parses JSON keeping the order of object keys; `\/Date(ms)\/` strings become Dates. */
export function parseJson(text: string): ParsedJson | Date {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const fail = (): never => {
    const token = text.slice(i).match(/^[^\s,:{}[\]]*/)?.[0] || text[i] || '';
    throw new JsonSyntaxError(`Invalid JSON primitive: ${token}.`);
  };
  const str = (): string => {
    i++;
    let s = '';
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const e = text[++i];
        if (e === 'u') {
          s += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
          i += 5;
          continue;
        }
        s += ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e;
        i++;
        continue;
      }
      s += text[i++];
    }
    if (text[i] !== '"') fail();
    i++;
    return s;
  };
  const value = (): ParsedJson | Date => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: [string, ParsedJson][] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { entries };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const k = str();
        ws();
        if (text[i] !== ':') fail();
        i++;
        entries.push([k, value() as ParsedJson]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { entries };
        }
        fail();
      }
    }
    if (c === '[') {
      i++;
      const items: ParsedJson[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return items;
      }
      for (;;) {
        items.push(value() as ParsedJson);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return items;
        }
        fail();
      }
    }
    if (c === '"') {
      const s = str();
      const m = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/.exec(s);
      return m ? new Date(Number(m[1])) : s;
    }
    const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (m) {
      i += m[0].length;
      return Number(m[0]);
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail();
  };
  const v = value();
  ws();
  if (i < text.length) fail();
  return v;
}
