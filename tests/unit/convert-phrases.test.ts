/**
 * The conversion test set: phrases taken verbatim from the restored article body, each with
 * its expected mainland Simplified form (reviewed by hand, not copied from the converter).
 * They cover the characters whose Simplified form depends on the word (後/后, 發/髮, 著/着,
 * 裡/里, 臺/台, 範/范, 於/于, 係/系, 覆/复, 讚/赞, 週/周, 麼/么, 為/为) and the words that show
 * why the preset is Taiwan → mainland without phrase conversion (開啟, 個人資料, 應用程序).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dictionaryConverter, toSimplified } from '../../src/lib/twin/convert.ts';
import { TRADITIONAL_ONLY, articleBody } from './convert-fixtures.ts';

const body = articleBody(readFileSync('content/articles/meta-ai-llama/index.md', 'utf8'));

const articlePhrases: readonly (readonly [traditional: string, simplified: string])[] = [
  ['過去6個月', '过去6个月'],
  ['LLaMA的發布', 'LLaMA的发布'],
  ['Meta可謂是賭上所有去ALL IN AI', 'Meta可谓是赌上所有去ALL IN AI'],
  ['直接點燃了平替模型裂變的火種', '直接点燃了平替模型裂变的火种'],
  ['AI團隊正面臨著離職潮', 'AI团队正面临着离职潮'],
  ['The Information獨家報道', 'The Information独家报道'],
  ['因內部算力之爭', '因内部算力之争'],
  ['LLaMA和OPT項目的團隊成員', 'LLaMA和OPT项目的团队成员'],
  ['Meta直接棄掉他們正研發能與PaLM匹敵的模型', 'Meta直接弃掉他们正研发能与PaLM匹敌的模型'],
  ['以專注研發Llama 2', '以专注研发Llama 2'],
  ['LLaMA論文14位作者，一半離職', 'LLaMA论文14位作者，一半离职'],
  ['科技巨頭擁有比大多數公司更多的計算資源', '科技巨头拥有比大多数公司更多的计算资源'],
  ['一致強調自己是「GPU RICH」', '一致强调自己是「GPU RICH」'],
  ['算力紛爭便在內部團隊開啟', '算力纷争便在内部团队开启'],
  ['具體來講', '具体来讲'],
  ['該公司由Lacroix和Lample於6月共同創辦', '该公司由Lacroix和Lample于6月共同创办'],
  ['目前已加入蘋果', '目前已加入苹果'],
  ['在接受採訪時表示', '在接受采访时表示'],
  ['因為沒有優秀的研究人員，我什麼都做不了', '因为没有优秀的研究人员，我什么都做不了'],
  ['恰恰凸顯了大型科技公司', '恰恰凸显了大型科技公司'],
  ['各大科技公司唯恐落後，急於將AI接入自家產品和服務', '各大科技公司唯恐落后，急于将AI接入自家产品和服务'],
  ['都排著隊想挖角Meta的人工智能研究人員', '都排着队想挖角Meta的人工智能研究人员'],
  ['繼LLaMA的發布點燃社區熱情後', '继LLaMA的发布点燃社区热情后'],
  ['成立頂級產品團隊，專注AIGC', '成立顶级产品团队，专注AIGC'],
  ['簡言之', '简言之'],
  ['以試圖追趕谷歌、微軟、OpenAI等競爭對手', '以试图追赶谷歌、微软、OpenAI等竞争对手'],
  ['緊接著', '紧接着'],
  ['包括通用視覺模型SAM「分割一切」、多模態AI模型ImageBind', '包括通用视觉模型SAM「分割一切」、多模态AI模型ImageBind'],
  ['得到一致好評', '得到一致好评'],
  ['隨著有經驗的研究人員流失', '随着有经验的研究人员流失'],
  ['多了一重阻礙', '多了一重阻碍'],
  ['那麼，具體是怎麼回事', '那么，具体是怎么回事'],
  ['讓這些高級研究人員憤而離去？', '让这些高级研究人员愤而离去？'],
  ['Yann LeCun入職Meta後，擔任AI研究主管時', 'Yann LeCun入职Meta后，担任AI研究主管时'],
  ['Meta AI(原FAIR)', 'Meta AI(原FAIR)'],
  ['在加利福尼亞州門洛帕克和紐約設立主要實驗室', '在加利福尼亚州门洛帕克和纽约设立主要实验室'],
  ['蒙特利爾(Pineau的所在地)、巴黎、倫敦和西雅圖設有分部', '蒙特利尔(Pineau的所在地)、巴黎、伦敦和西雅图设有分部'],
  ['主要致力於AI的研究', '主要致力于AI的研究'],
  ['將人工智能應用在翻譯、MRI掃描等各種場景', '将人工智能应用在翻译、MRI扫描等各种场景'],
  ['ChatGPT橫空出世之後', 'ChatGPT横空出世之后'],
  ['儘管這兩個模型在訓練期間學習的內容', '尽管这两个模型在训练期间学习的内容'],
  ['幾個月後，該團隊開始著手開發第二個更大的模型', '几个月后，该团队开始着手开发第二个更大的模型'],
  ['研究團隊認為較小的模型在推理時會高效', '研究团队认为较小的模型在推理时会高效'],
  ['但獲得的計算資源比北美的OPT團隊少的多', '但获得的计算资源比北美的OPT团队少的多'],
  ['關於在Meta如何分配計算資源的決策', '关于在Meta如何分配计算资源的决策'],
  ['是由來自業務不同部門的領導人組成的小組', '是由来自业务不同部门的领导人组成的小组'],
  ['最終分配多少，分配給誰，取決於組織優先事項', '最终分配多少，分配给谁，取决于组织优先事项'],
  ['如果Meta AI的員工就分配發生爭議', '如果Meta AI的员工就分配发生争议'],
  ['聽取每個人的發聲', '听取每个人的发声'],
  ['為什麼兩個團隊都做著相似的項目', '为什么两个团队都做着相似的项目'],
  ['兩個團隊之間的緊張關係', '两个团队之间的紧张关系'],
  ['為了追趕競爭對手', '为了追赶竞争对手'],
  ['在發布的前一週', '在发布的前一周'],
  ['聯合主管兼巴黎分部負責人Antoine Bordes', '联合主管兼巴黎分部负责人Antoine Bordes'],
  ['讓自己筋疲力盡', '让自己筋疲力尽'],
  ['為團隊「帶來了一些不確定性」', '为团队「带来了一些不确定性」'],
  ['OPT團隊在過去幾個月裡', 'OPT团队在过去几个月里'],
  ['和這個決定有著直接的關係', '和这个决定有着直接的关系'],
  ['根據研究作者Linkedin個人資料', '根据研究作者Linkedin个人资料'],
  ['那時你要麼選擇其中一個，要麼就讓他們合作', '那时你要么选择其中一个，要么就让他们合作'],
  ['團隊重組，定位不清', '团队重组，定位不清'],
  ['被公司的頻繁地變動搞得焦頭爛額', '被公司的频繁地变动搞得焦头烂额'],
  ['小扎進行了數次全公司範圍的裁員', '小扎进行了数次全公司范围的裁员'],
  ['由前蘋果高管Ahmad Al-Dahle負責', '由前苹果高管Ahmad Al-Dahle负责'],
  ['在Llama 2的致謝中', '在Llama 2的致谢中'],
  ['最先發起這項研究的團隊', '最先发起这项研究的团队'],
  ['儘管備受讚譽的開源模型LLaMA', '尽管备受赞誉的开源模型LLaMA'],
  ['研究人員之間的緊張關係仍在醞釀', '研究人员之间的紧张关系仍在酝酿'],
  ['從而使團隊能夠專注於AI領域', '从而使团队能够专注于AI领域'],
  ['將AI融入Meta的應用程序之中', '将AI融入Meta的应用程序之中'],
  ['解散了那些不以產品為導向的研究，比如蛋白質折疊', '解散了那些不以产品为导向的研究，比如蛋白质折叠'],
  ['「反覆橫跳」', '「反复横跳」'],
  ['專攻代碼生成的Code Llama', '专攻代码生成的Code Llama'],
  ['這個領域發展得實在是太快了', '这个领域发展得实在是太快了'],
  ['臺前，開源模型光鮮靚麗，而幕後', '台前，开源模型光鲜靓丽，而幕后'],
  ['AI研究人員離職潮湧', 'AI研究人员离职潮涌'],
  ['為Meta傾力AI趕超對手', '为Meta倾力AI赶超对手'],
  ['參考資料', '参考资料'],
  ['論文地址：https://arxiv.org/pdf/2302.13971.pdf', '论文地址：https://arxiv.org/pdf/2302.13971.pdf'],
  ['Timothée Lacroix、Guillaume Lample和Marie-Anne Lachaux', 'Timothée Lacroix、Guillaume Lample和Marie-Anne Lachaux'],
];

/** Ambiguous characters the article does not use, checked so the dictionary's choice is known. */
const dictionaryChecks: readonly (readonly [traditional: string, simplified: string])[] = [
  ['頭髮', '头发'],
  ['理髮', '理发'],
  ['乾淨', '干净'],
  ['幹部', '干部'],
  ['一隻', '一只'],
  ['只有', '只有'],
  ['著名', '著名'],
  ['顯著', '显著'],
  ['皇后', '皇后'],
  ['範例', '范例'],
  ['臺灣', '台湾'],
  ['答覆', '答复'],
  ['覆蓋', '覆盖'],
];

describe('the conversion test set (phrases of this article)', () => {
  it('has at least 60 phrases, each taken verbatim from the restored body', () => {
    expect(articlePhrases.length).toBeGreaterThanOrEqual(60);
    expect(articlePhrases.filter(([traditional]) => !body.includes(traditional))).toEqual([]);
  });

  it.each(articlePhrases)('%s → %s', (traditional, simplified) => {
    expect(toSimplified(traditional)).toBe(simplified);
  });

  it('covers every ambiguous character named in the issue', () => {
    const covered = articlePhrases.map(([traditional]) => traditional).join('') + dictionaryChecks.map(([traditional]) => traditional).join('');
    for (const character of ['後', '發', '髮', '著', '裡', '乾', '隻', '臺', '範', '於', '係', '覆', '讚', '週', '麼', '為']) {
      expect(covered, character).toContain(character);
    }
  });
});

describe('the dictionary on ambiguous characters absent from the article', () => {
  it.each(dictionaryChecks)('%s → %s', (traditional, simplified) => {
    expect(dictionaryConverter()(traditional)).toBe(simplified);
  });
});

describe('the whole restored body in Simplified', () => {
  const converted = toSimplified(body);

  it('has no Traditional-only character left', () => {
    expect([...converted].filter((character) => TRADITIONAL_ONLY.includes(character))).toEqual([]);
  });

  it('keeps every Latin name and URL, and every line', () => {
    for (const kept of ['Timothée Lacroix', 'Marie-Anne Lachaux', 'https://arxiv.org/pdf/2205.01068.pdf', 'Meta AI(原FAIR)']) {
      expect(body).toContain(kept);
      expect(converted).toContain(kept);
    }
    expect(converted.split('\n').length).toBe(body.split('\n').length);
  });
});
