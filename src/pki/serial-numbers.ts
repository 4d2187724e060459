// Serial numbers as people type them and as DER stores them: case-insensitive hex, with or without
// the leading 00 that keeps a high-bit serial positive, with or without spaces or colons.
import { argumentException, PkiError } from './pki-error.ts';

/** Comparable form: upper-case hex without separators or leading zero bytes. */
export function normalizeSerialNumber(serial: string): string {
  const hex = serial.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]+$/.test(hex)) {
    throw new PkiError(`The serial number "${serial}" is not hexadecimal. Give it as shown by Get-ExchangeCertificate, e.g. 310196A39840EB964D5E2FD29D3B431C.`, 'CertificateDataInvalid', argumentException);
  }
  const even = hex.length % 2 === 1 ? `0${hex}` : hex;
  return even.replace(/^(00)+(?=..)/, '');
}

export function sameSerialNumber(a: string, b: string): boolean {
  return normalizeSerialNumber(a) === normalizeSerialNumber(b);
}

/** DER INTEGER content for a positive serial: a 00 byte is added when the high bit is set. */
export function serialNumberContentHex(serial: string): string {
  const hex = normalizeSerialNumber(serial);
  return parseInt(hex[0]!, 16) >= 8 ? `00${hex}` : hex;
}
