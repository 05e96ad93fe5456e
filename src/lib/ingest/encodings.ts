/**
 * Mojibake that can be undone: UTF-8 bytes that were decoded as GBK, Big5 or Latin-1 (Windows-1252,
 * what browsers call latin1). Re-encoding the garbled run with the wrong code page gives the bytes
 * back, and a strict UTF-8 decode of them is the original text. TextDecoder only decodes, so the
 * encoders are built by decoding every byte sequence once.
 */

export type WrongEncoding = 'gbk' | 'big5' | 'windows-1252';
export const WRONG_ENCODINGS: readonly WrongEncoding[] = ['gbk', 'big5', 'windows-1252'];

export const ENCODING_NAMES: Record<WrongEncoding, string> = { gbk: 'GBK', big5: 'Big5', 'windows-1252': 'Latin-1 (Windows-1252)' };

const encoders = new Map<WrongEncoding, Map<string, number[]>>();

/** Character → the bytes that `encoding` decodes to it (the first such sequence found). */
export function encoderFor(encoding: WrongEncoding): Map<string, number[]> {
  const cached = encoders.get(encoding);
  if (cached) return cached;
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(encoding);
  if (encoding === 'windows-1252') {
    for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), [byte]);
  } else {
    for (let byte = 0; byte < 0x80; byte++) table.set(String.fromCharCode(byte), [byte]);
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if ([...char].length === 1 && char !== '\uFFFD' && !table.has(char)) table.set(char, [lead, trail]);
      }
    }
  }
  encoders.set(encoding, table);
  return table;
}

/** The text as `encoding` would have written it, or undefined when a character has no bytes there. */
export function encode(text: string, encoding: WrongEncoding): number[] | undefined {
  const table = encoderFor(encoding);
  const bytes: number[] = [];
  for (const char of text) {
    const sequence = table.get(char);
    if (!sequence) return undefined;
    bytes.push(...sequence);
  }
  return bytes;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Strict UTF-8 decoding; undefined when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: readonly number[]): string | undefined {
  try {
    return strictUtf8.decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

/** What a text becomes when its UTF-8 bytes are read as `encoding` (the damage itself). */
export const garble = (text: string, encoding: WrongEncoding): string =>
  new TextDecoder(encoding).decode(new TextEncoder().encode(text));
