/**
 * Numbers as Chinese reports print them: Arabic digits (half or full width, with thousands separators)
 * and Chinese numerals (三起, 十二, 二十五, 一百零三, 两千). Pure and linear.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that may make up a Chinese numeral (used to build regexes). */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万';

/**
 * Reads a Chinese numeral such as 十二, 二十五, 一百零三, 两千零五, 三万二千; returns null when the text
 * is not a well-formed numeral. Digit strings without units (一九) are read digit by digit.
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0; // completed 万 groups
  let section = 0; // value below 万
  let digit = -1; // pending digit, -1 when none
  let sawUnit = false;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit >= 0 && !sawUnit) digit = digit * 10 + DIGITS[ch]!; // 一九 style
      else digit = DIGITS[ch]!;
      continue;
    }
    const unit = SMALL_UNITS[ch];
    if (unit !== undefined) {
      sawUnit = true;
      section += (digit < 0 ? 1 : digit) * unit; // 十二: leading 十 means 一十
      digit = -1;
      continue;
    }
    if (ch === '万') {
      sawUnit = true;
      section += digit < 0 ? 0 : digit;
      total = (total + (section === 0 ? 1 : section)) * 10000;
      section = 0;
      digit = -1;
      continue;
    }
    return null;
  }
  return total + section + (digit < 0 ? 0 : digit);
}

/**
 * Reads a count as printed in prose: Arabic (thousands separators and full-width digits allowed) or a
 * Chinese numeral. Returns null for anything else.
 */
export function parseCount(text: string): number | null {
  const t = toHalfWidthDigits(text).replace(/[,，\s]/g, '');
  if (/^\d+$/.test(t)) return Number(t);
  if (/^\d+\.\d+$/.test(t)) return Number(t);
  return parseChineseNumeral(t);
}

/** Maps full-width digits ０-９ to ASCII. */
export function toHalfWidthDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}
