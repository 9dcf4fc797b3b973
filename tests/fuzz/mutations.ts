/** Deterministic mutations of real reports, for the no-throw / no-hang property test. */

/** A small seeded PRNG (mulberry32), so a failing case can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const NOISE = ['无', '—', '/', '-', 'abc', '１２', '1,234', '12.5', '-7', '３三', '<script>alert(1)</script>', '\u0000', '\uFFFD', '（', '一、', '总计'];

/** Text mutations: each takes the lines of a report and returns new lines. */
const TEXT_MUTATIONS: Record<string, (lines: string[], r: Rand) => string[]> = {
  truncate: (ls, r) => ls.slice(0, Math.floor(r() * ls.length)),
  dropLines: (ls, r) => ls.filter(() => r() > 0.2),
  shuffleSome: (ls, r) => {
    const out = [...ls];
    for (let k = 0; k < 20; k++) {
      const i = Math.floor(r() * out.length);
      const j = Math.floor(r() * out.length);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  },
  shuffleAll: (ls, r) => [...ls].sort(() => r() - 0.5),
  removeTabs: (ls) => ls.map((l) => l.replace(/\t/g, '')),
  tabsToSpaces: (ls) => ls.map((l) => l.replace(/\t/g, '  ')),
  numbersToText: (ls, r) => ls.map((l) => l.replace(/\d+/g, (m) => (r() < 0.3 ? pick(r, NOISE) : m))),
  hugeNumbers: (ls, r) => ls.map((l) => l.replace(/\d+/g, (m) => (r() < 0.2 ? '9'.repeat(40) : m))),
  duplicateLines: (ls, r) => ls.flatMap((l) => (r() < 0.2 ? [l, l] : [l])),
  joinAll: (ls) => [ls.join('')],
  hugeLine: (ls, r) => {
    const out = [...ls];
    out.splice(Math.floor(r() * out.length), 0, pick(r, ['1\t', '（', '一、', 'a', '0 ', '申请', '<td>']).repeat(50_000));
    return out;
  },
  charPerLine: (ls, r) => ls.flatMap((l) => (r() < 0.3 ? [...l] : [l])),
  insertNoise: (ls, r) => ls.map((l) => (r() < 0.1 ? `${l}${pick(r, NOISE)}` : l)),
};

/** Byte mutations on the encoded file. */
const BYTE_MUTATIONS: Record<string, (b: Uint8Array, r: Rand) => Uint8Array> = {
  randomBytes: (b, r) => {
    const out = b.slice();
    for (let k = 0; k < Math.max(1, b.length / 50); k++) out[Math.floor(r() * out.length)] = Math.floor(r() * 256);
    return out;
  },
  truncateBytes: (b, r) => b.slice(0, Math.floor(r() * b.length)),
  pureNoise: (_b, r) => Uint8Array.from({ length: 1 + Math.floor(r() * 4000) }, () => Math.floor(r() * 256)),
  empty: () => new Uint8Array(0),
};

/** Names of all mutations, for reporting. */
export const MUTATION_NAMES = [...Object.keys(TEXT_MUTATIONS), ...Object.keys(BYTE_MUTATIONS)];

/** Applies mutation number `n` (cycling through all kinds) with a PRNG seeded by `seed`. */
export function mutate(bytes: Uint8Array, n: number, seed: number): { kind: string; bytes: Uint8Array } {
  const r = prng(seed);
  const kind = MUTATION_NAMES[n % MUTATION_NAMES.length];
  const textMutation = TEXT_MUTATIONS[kind];
  if (textMutation) {
    const lines = new TextDecoder().decode(bytes).split('\n');
    return { kind, bytes: new TextEncoder().encode(textMutation(lines, r).join('\n')) };
  }
  return { kind, bytes: BYTE_MUTATIONS[kind](bytes, r) };
}
