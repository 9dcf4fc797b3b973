/** MET-02: the title's body name lacks its region; say the full name the body text uses. */
import type { Finding, ParsedReport } from '../model.ts';
import { normalizeLine } from '../text/prose.ts';
import { proseOf } from './text-cache.ts';

/** Words containing a region character that are not regions (市场监督管理局, 社区, 园区…). */
const NOT_REGION = /市场|社区|小区|(?:工业|产业|科技|物流|开发)园区|区域|街区|县域|市民|城市|城区|辖区/g;
const REGION = /[省市区县州盟旗]/;
/** National bodies carry no region in their name (国家发展和改革委员会, 生态环境部, 海关总署). */
const NATIONAL = /^(?:国家|国务院|中国|中华人民共和国|最高人民)|部$|总署$|总局$/;
const YEAR = /\d{4}\s*年度?/;
const NAME_END = /政府信息公开|信息公开工作|年度报告|关于/;
const TRIM_START = new Set([...'了在的和与对及向为由将把从于是等、各全本该我其到至被给让使经按即或年度《“"'].map((c) => c.charCodeAt(0)));

/** The body name printed in a title: the text before 政府信息公开…, the year removed. */
export function titleBodyName(title: string): string {
  const t = normalizeLine(title).replace(YEAR, '');
  const end = NAME_END.exec(t);
  return (end ? t.slice(0, end.index) : t).trim();
}

function hasRegion(name: string): boolean {
  return REGION.test(name.replace(NOT_REGION, ''));
}

function trimStart(run: string): string {
  let start = 0;
  for (let i = 0; i < run.length; i++) if (TRIM_START.has(run.charCodeAt(i))) start = i + 1; // by code: no string per character
  return run.slice(start);
}

/** The full name with region as the body text prints it, or the region the text mentions most. */
function fullNameFromBody(report: ParsedReport, name: string): { full?: string; region?: string } {
  const agency = report.meta.agency;
  if (agency && agency !== name && hasRegion(agency) && agency.length > name.length) return { full: agency };
  const text = proseOf(report).text;
  // The name preceded by a region (川汇区七一路街道办事处, 龙亭区政府办公室); then without its generic ending.
  for (const core of [name, name.replace(/(?:办事处|人民政府|办公室)$/, '')]) {
    // The pattern ends with the name itself: a text without it cannot match, and a substring search is cheap.
    if (core.length < 2 || !text.includes(core)) continue;
    const escaped = core.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const m = new RegExp(`([\\u4e00-\\u9fff]{1,6}[区县市旗])(?:人民)?${escaped}`).exec(text);
    if (!m) continue;
    const region = trimStart(m[1]!);
    if (region.length >= 2) return { full: region + text.slice(m.index + m[1]!.length, m.index + m[0].length) + name.slice(core.length) };
  }
  const counts = new Map<string, number>();
  const re = /([\u4e00-\u9fff]{2,3}[区县])(?![政委人域级])/g;
  for (let r = re.exec(text); r; r = re.exec(text)) {
    const region = trimStart(r[1]!);
    if (region.length >= 3 && !/[全本各该我辖城市]/.test(region[0]!)) counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? { region: best[0] } : {};
}

/** MET-02: the title's body name has no region (「政府办公室2021年…」). */
export function checkTitleRegion(report: ParsedReport): Finding[] {
  const title = report.meta.title;
  if (!title) return [];
  const name = titleBodyName(title);
  if (name.length < 2 || !/[\u4e00-\u9fff]/.test(name) || hasRegion(name) || NATIONAL.test(name)) return [];
  const found = fullNameFromBody(report, name);
  const hint = found.full ? `正文中的全称为「${found.full}」` : found.region ? `正文提到所属地区「${found.region}」` : '正文中也找不到所属地区';
  return [{
    id: 'MET-02',
    severity: 'warning',
    cells: [],
    message: `标题中的单位名称「${name}」缺少所属地区，${hint}；标题应写单位全称。`,
    quote: name,
    lines: titleLine(report, title),
  }];
}

function titleLine(report: ParsedReport, title: string): number[] {
  const i = report.lines.findIndex((l) => l.includes(title.trim()));
  return i >= 0 ? [i] : [];
}
