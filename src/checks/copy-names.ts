/**
 * Finds names of other bodies of the same level as the report's own body (CPY-01). Conservative on
 * purpose, since the finding is an error: only sibling 街道/镇/乡 bodies in a 街道/镇/乡 report, and sibling
 * 区/县 governments in a 区/县 government report, each with an unambiguous suffix (街道办事处, 镇人民政府…).
 */

/** One other-body name and where it occurs in the prose. */
export interface NameHit {
  /** Full name as printed, e.g. 珠街街道办事处. */
  name: string;
  /** The distinctive part, e.g. 珠街. */
  core: string;
  /** A short stretch of text around the first occurrence. */
  context: string;
  /** Offsets of every occurrence in the prose. */
  at: number[];
}

/** Suffixes of a body name; the name itself is read backwards from where the suffix starts. */
const TOWNSHIP = /街道办事处|街道办|街道党工委|镇人民政府|镇政府|镇党委|乡人民政府|乡政府|乡党委/g;
const COUNTY = /区人民政府|县人民政府|区政府|县政府/g;
/** Up to 6 ideographs right before a position (the regex runs on a 6-character slice only). */
const RUN_BEFORE = /[\u4e00-\u9fff]{1,6}$/;
/** Characters after which a name starts: function words, verbs, and higher-level region suffixes. */
const NAME_START = new Set([...'了在的和与对及向为由将把从于是等、各全本该我其到至被给让使经按即或省市区县州盟旗'].map((c) => c.charCodeAt(0)));
const GENERIC = new Set(['乡镇', '城乡', '城镇', '各个', '相关', '有关', '其他', '所属', '所辖', '辖区', '下属', '基层', '全体', '街道', '人民', '地方', '上级', '当地', '本级', '属地']);

/** Prose words that end up in front of 区政府/街道办事处 without being part of a name. */
const NOT_A_NAME = /推进|加强|推动|建设|开展|落实|完善|做好|按照|根据|通过|围绕|全面|不断|积极|深入|持续|协调|配合|联合|指导|督促|组织|要求/;

/** The name part of a run of characters before a suffix, and the character that bounds it on the left. */
function trimToName(run: string): { core: string; after: string } {
  let start = 0;
  // By code: a one-character string per ideograph would be allocated.
  for (let i = 0; i < run.length; i++) if (NAME_START.has(run.charCodeAt(i))) start = i + 1;
  return { core: run.slice(start), after: start > 0 ? run[start - 1]! : '' };
}

/** Level of the report's own body from its name, or null when CPY-01 should not run (departments…). */
function levelOf(own: string[]): 'township' | 'county' | null {
  const text = own.join(' ');
  if (/街道|镇|乡/.test(text)) return 'township';
  if (/[区县](?:人民)?政府/.test(text)) return 'county';
  return null;
}

/** True when a core name belongs to the report's own body (any suffix of it, ≥ 2 characters). */
function isOwn(core: string, typeStem: string, own: string[]): boolean {
  for (let i = 0; i + 2 <= core.length; i++) {
    const part = core.slice(i);
    if (own.some((o) => o.includes(part + typeStem) || o.includes(part))) return true;
  }
  return false;
}

/** Names of sibling bodies in `prose` that are not the own body (given by agency / title strings). */
export function otherBodyNames(prose: string, own: string[]): NameHit[] {
  const level = levelOf(own);
  if (!level) return [];
  const re = level === 'township' ? TOWNSHIP : COUNTY;
  const hits = new Map<string, NameHit>();
  re.lastIndex = 0;
  for (let m = re.exec(prose); m; m = re.exec(prose)) {
    const run = RUN_BEFORE.exec(prose.slice(Math.max(0, m.index - 6), m.index))?.[0];
    if (!run) continue;
    const { core, after } = trimToName(run);
    if (core.length < 2 || core.length > 4 || GENERIC.has(core) || /\d/.test(core) || NOT_A_NAME.test(core)) continue;
    const suffix = m[0];
    // A 区/县 name counts only in a full chain (淮安市洪泽区人民政府): two characters before 区政府 are too
    // often a verb (「强化县政府门户网站」).
    if (level === 'county' && (core.length > 3 || (after !== '市' && after !== '省') || !suffix.includes('人民政府'))) continue;
    const stem = suffix.slice(0, suffix.startsWith('街道') ? 2 : 1);
    if ((stem === '镇' && core.endsWith('乡')) || (stem === '乡' && core.endsWith('城'))) continue;
    if (isOwn(core, stem, own)) continue;
    const name = core + suffix;
    const at = m.index - core.length;
    const hit = hits.get(name);
    if (hit) hit.at.push(at);
    else {
      const context = prose.slice(Math.max(0, at - 12), at + name.length + 8).replace(/\n/g, '');
      hits.set(name, { name, core, context, at: [at] });
    }
  }
  return [...hits.values()];
}
