/**
 * Reader-facing words for the values of the content model (Traditional script; the
 * Simplified twin converts them with the rest of the page).
 */
import type { OrganizationGroup } from './organizations.ts';

export type Lane = 'llama' | 'opt' | 'leadership' | 'outside';
export type Side = 'llama' | 'opt' | 'leadership';
export type Status = 'left' | 'joined-genai' | 'stayed' | 'not-mentioned';

export const laneOrder: readonly Lane[] = ['llama', 'opt', 'leadership', 'outside'];

export const laneLabel: Record<Lane, string> = {
  llama: '巴黎 LLaMA 團隊',
  opt: '北美 OPT 團隊',
  leadership: 'Meta 領導層',
  outside: '外界與業界',
};

/** One character per lane, drawn in the chart so lanes never rely on colour alone. */
export const laneMark: Record<Lane, string> = { llama: 'L', opt: 'O', leadership: 'M', outside: 'W' };

export const sideLabel: Record<Side, string> = {
  llama: 'LLaMA 團隊一方',
  opt: 'OPT 團隊一方',
  leadership: 'Meta 領導層',
};

export const statusOrder: readonly Status[] = ['left', 'joined-genai', 'stayed', 'not-mentioned'];

export const statusLabel: Record<Status, string> = {
  left: '已離職',
  'joined-genai': '加入生成式AI團隊',
  stayed: '仍在 Meta AI',
  'not-mentioned': '文中未提及',
};

/** A short word shown inside roster cells next to the colour. */
export const statusShort: Record<Status, string> = {
  left: '離職',
  'joined-genai': '生成式AI',
  stayed: '留任',
  'not-mentioned': '未提及',
};

export const howLabel: Record<'reported' | 'quoted' | 'paraphrased' | 'inferred', string> = {
  reported: '報道',
  quoted: '直接引語',
  paraphrased: '轉述',
  inferred: '推論',
};

export const typeLabel: Record<'fact' | 'opinion', string> = {
  fact: '事實陳述',
  opinion: '意見',
};

export const noteLabel: Record<'contradiction' | 'unverifiable' | 'context' | 'correction', string> = {
  contradiction: '自相矛盾',
  unverifiable: '無法查證',
  context: '背景',
  correction: '更正',
};

export const repairKindLabel: Record<string, string> = {
  mojibake: '亂碼',
  'lost-character': '遺失字元',
  'simplified-leftover': '簡體殘留',
  'pinyin-gloss': '拼音注音',
  punctuation: '半形標點',
  'image-placeholder': '圖片佔位',
  structure: '結構',
};

export const orgKindLabel: Record<'company' | 'lab' | 'team' | 'media' | 'unnamed-sources', string> = {
  company: '公司',
  lab: '實驗室',
  team: '團隊',
  media: '媒體',
  'unnamed-sources': '匿名消息來源',
};

/** The groups of the organisations index. */
export const organizationGroupLabel: Record<OrganizationGroup, string> = {
  meta: 'Meta 與旗下團隊',
  destinations: '離開 Meta 後去的公司',
  others: '文中提到的其他公司',
  sources: '報道與消息來源',
};

export const precisionLabel: Record<'year' | 'month' | 'day', string> = {
  year: '精確到年',
  month: '精確到月',
  day: '精確到日',
};

export const regionLabel: Record<'mainland' | 'taiwan' | 'hongkong' | 'article', string> = {
  mainland: '中國大陸譯名',
  taiwan: '台灣譯名',
  hongkong: '香港譯名',
  article: '本文用名',
};

/** What two claims disagree on, as the heading of the pair says it: "各篇文章說的人數不一". */
export const disagreementLabel: Record<'count' | 'role' | 'date' | 'fact', string> = {
  count: '人數',
  role: '職位與角色',
  date: '日期',
  fact: '事實',
};
