// Character classes of the PowerShell tokenizer (tokenizer.cs CharTraits), as char-code predicates.

const UNICODE_LETTER = /\p{L}/u;
const UNICODE_LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;

export function isWhitespace(c: number): boolean {
  return (
    c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x85 || c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

export function isNewline(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

/** `-` and the typographic dashes PowerShell accepts in its place (en dash, em dash, horizontal bar). */
export function isDash(c: number): boolean {
  return c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2015;
}

export function isSingleQuote(c: number): boolean {
  return c === 0x27 || c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b;
}

export function isDoubleQuote(c: number): boolean {
  return c === 0x22 || c === 0x201c || c === 0x201d || c === 0x201e;
}

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isLetter(c: number): boolean {
  if (c < 0x80) return isAsciiLetter(c);
  return UNICODE_LETTER.test(String.fromCharCode(c));
}

export function isIdentifierStart(c: number): boolean {
  return isAsciiLetter(c) || c === 0x5f || (c >= 0x80 && isLetter(c));
}

export function isIdentifierFollow(c: number): boolean {
  if (c < 0x80) return isAsciiLetter(c) || isDigit(c) || c === 0x5f;
  return UNICODE_LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

/** Characters allowed in a `$name` variable name after the first one (besides `:` scope separators). */
export function isVariableNameChar(c: number): boolean {
  return isIdentifierFollow(c) || c === 0x3f; // ?
}

/** Characters that end a generic (bareword) token: whitespace, newlines and `{ } ( ) ; , | &`. */
export function forcesNewToken(c: number): boolean {
  if (Number.isNaN(c)) return true;
  switch (c) {
    case 0x28: case 0x29: case 0x7b: case 0x7d: case 0x3b: case 0x2c: case 0x7c: case 0x26:
    case 0x0a: case 0x0d:
      return true;
    default:
      return isWhitespace(c);
  }
}
