/**
 * Shared data for the conversion tests.
 * Characters that exist only in Traditional script: each has a different Simplified form and is
 * not itself a Simplified character (so 著, 乾, 覆, 於, which Simplified also uses, are absent).
 * None may survive in converted prose.
 */
export const TRADITIONAL_ONLY: readonly string[] = [
  ...new Set(
    '們個後發髮裡隻臺範係讚週麼為這說對開關時會過來還機經體實點與從當將進現無長門間問頭見車東電話聽學習歡買賣讀寫語認識請謝樂覺變邊應該總統國際產業數據資網絡線連結紀記術計設證護選擇舉辦議論團隊離職報導爭奪層級優難權興亂嗎壓處盡壞傳創齊參員園圖億誰視',
  ),
];

/** The restored article body (content/articles/meta-ai-llama/index.md without its frontmatter). */
export function articleBody(source: string): string {
  return source.replace(/^---\n[\s\S]*?\n---\n/, '');
}
