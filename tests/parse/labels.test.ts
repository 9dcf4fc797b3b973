import { describe, expect, it } from 'vitest';
import { buildCatalogue, isTypo, labelCore, lcs, matchLabel, squash } from '../../src/parse/labels.ts';
import { SEC3_2021 } from '../../src/spec/templates.ts';

const cat = buildCatalogue(SEC3_2021.map((r) => ({ key: r.key, label: r.label })));

describe('labelCore', () => {
  it('drops numbering in every style, punctuation, spaces and full width', () => {
    expect(labelCore('1.属于国家秘密')).toBe('属于国家秘密');
    expect(labelCore('1、属于国家秘密')).toBe('属于国家秘密');
    expect(labelCore('１．属于 国家 秘密')).toBe('属于国家秘密');
    expect(labelCore('（一）予以公开')).toBe('予以公开');
    expect(labelCore('(一) 予以公开')).toBe('予以公开');
    expect(labelCore('一、本年新收政府信息公开申请数量')).toBe('本年新收政府信息公开申请数量');
    expect(labelCore('3.危及“三安全一稳定”')).toBe('危及三安全一稳定');
  });

  it('squash maps full-width forms and removes every kind of space', () => {
    expect(squash('（一）\u3000予以 公开\u00a0')).toBe('(一)予以公开');
    expect(squash('１２３')).toBe('123');
  });
});

describe('matchLabel', () => {
  it('matches exact labels whatever the numbering', () => {
    expect(matchLabel('2、其他法律行政法规禁止公开', cat)).toEqual([{ key: 'denied.lawForbidden', kind: 'exact', coverage: 1, precision: 1 }]);
  });

  it('matches a wrapped fragment to every row it can belong to', () => {
    const keys = matchLabel('行政机关不再处理其政府信息公', cat).map((m) => m.key);
    expect(keys.sort()).toEqual(['other.noCorrection', 'other.unpaidFee']);
    expect(matchLabel('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其', cat).map((m) => m.key)).toEqual(['other.unpaidFee']);
  });

  it('reads a typo as the label it spoils and flags it', () => {
    const [m] = matchLabel('2.其他法律行政止公开', cat);
    expect(m.key).toBe('denied.lawForbidden');
    expect(isTypo(m)).toBe(true);
  });

  it('does not flag a wrapped fragment as a typo', () => {
    const [m] = matchLabel('（二）部分公开', cat);
    expect(m.key).toBe('partial');
    expect(isTypo(m)).toBe(false);
  });

  it('matches short labels only exactly, and ignores meaningless fragments', () => {
    expect(matchLabel('3.其他', cat).map((m) => m.key)).toEqual(['other.misc']);
    expect(matchLabel('其他结果', cat)).toEqual([]);
    expect(matchLabel('府信息', cat)).toEqual([]);
    expect(matchLabel('本年度工作中，我局认真贯彻落实条例，依法做好政府信息公开申请的办理工作。', cat)).toEqual([]);
  });

  it('a short label needs its own sub-item number: 2.其他 is the first line of a wrapped 2.其他法律…', () => {
    expect(matchLabel('2.其他', cat)).toEqual([]);
    expect(matchLabel('3、其他', cat).map((m) => m.key)).toEqual(['other.misc']);
    expect(matchLabel('七、总计', cat).map((m) => m.key)).toEqual(['resultTotal']);
    expect(matchLabel('二、上年结', cat).map((m) => m.key)).toEqual(['carriedOver']);
  });

  it('lcs is the longest common subsequence', () => {
    expect(lcs('其他法律行政止公开', '其他法律行政法规禁止公开')).toBe(9);
    expect(lcs('', 'abc')).toBe(0);
  });
});
