/**
 * Whether a string is one word of the Chinese dictionary that Node's ICU ships for line and word
 * breaking (Intl.Segmenter): a fill that makes a dictionary word with its neighbours is likelier
 * than one the character model merely finds frequent, and the dictionary knows far more words than
 * the text the model learns from.
 */
const segmenter = new Intl.Segmenter('zh-Hant', { granularity: 'word' });
const HAN = /^\p{Script=Han}+$/u;
const known = new Map<string, boolean>();

export function isWord(text: string): boolean {
  let word = known.get(text);
  if (word === undefined) {
    const [first, second] = segmenter.segment(text);
    word = second === undefined && first !== undefined;
    known.set(text, word);
  }
  return word;
}

/**
 * The longest dictionary word (two to four Han characters) that `fill` makes with the characters
 * just before and after it; 1 when it makes none.
 */
export function longestWord(left: string, fill: string, right: string): number {
  const before = [...left];
  const after = [...right];
  let longest = 1;
  for (let back = 0; back <= 3 && back <= before.length; back++) {
    for (let ahead = 0; ahead <= 3 && ahead <= after.length; ahead++) {
      const word = before.slice(before.length - back).join('') + fill + after.slice(0, ahead).join('');
      const length = [...word].length;
      if (length > longest && length <= 4 && HAN.test(word) && isWord(word)) longest = length;
    }
  }
  return longest;
}
