import { describe, expect, it } from 'vitest';
import { classifyBody, detectLanguage, setBodyKind, withBodyKind } from '../../src/formats/bodyKind.js';
import { emptyRecord } from '../../src/formats/reader.js';

// Bodies modelled on what scrapers of the papers pages stored in their "abstract" field.
const ABSTRACT =
  'Existing fine-tuning methods either tune all parameters of the pre-trained model (full fine-tuning), which is not efficient, or only tune the last linear layer (linear probing), which suffers a significant accuracy drop compared to the full fine-tuning.';
const ABSTRACT_WITH_CJK_NAME =
  'We release CMMLU (中文多任务语言理解), a comprehensive Chinese benchmark that covers various subjects, and we evaluate 18 advanced multilingual and Chinese-oriented LLMs on it.';
const LIBRARIAN =
  'This is an automated message from the [Librarian Bot](https://huggingface.co/librarian-bots). I found the following papers similar to this paper. The following papers were recommended by the Semantic Scholar API * [LoRA Learns Less and Forgets Less](https://huggingface.co/papers/2405.09673) (2024) * [DoRA: Weight-Decomposed Low-Rank Adaptation](https://huggingface.co/papers/2402.09353) (2024) Please give a thumbs up to this comment if you found it helpful! If you want recommendations for any Paper on Hugging Face checkout [this](https://huggingface.co/spaces/librarian-bots/recommend_similar_papers) Space You can directly ask Librarian Bot for paper recommendations by tagging it in a comment: `@librarian-bot recommend`';
const ZH =
  '面对学术资源的爆炸式增长，研究人员依赖于周期推送类似已收藏论文的新发表论文的“论文推荐”服务。为此，我们推出了PaperWeaver——一款丰富化的论文推荐系统，能基于用户已收藏的论文生成推荐论文的上下文化说明。';
const JA =
  '大規模言語モデル（LLM）の微調整には多くの計算資源が必要です。本研究では、低ランク適応（LoRA）を用いて、少ないパラメータで高い性能を達成する手法を提案します。';
const KO =
  '우리는 대규모 언어 모델을 효율적으로 미세 조정하는 새로운 방법을 제안한다. 제안한 방법은 적은 수의 파라미터만 학습하면서도 전체 미세 조정과 비슷한 성능을 보인다.';
const VI =
  'Chúng tôi đề xuất một phương pháp mới để tinh chỉnh hiệu quả các mô hình ngôn ngữ lớn. Phương pháp này chỉ huấn luyện một số ít tham số nhưng vẫn đạt được hiệu năng tương đương.';
const RU =
  'Мы предлагаем новый метод эффективной дообучения больших языковых моделей, который обучает лишь небольшую долю параметров и достигает качества полного дообучения.';
const FR =
  "Nous proposons une nouvelle méthode pour l'adaptation efficace des grands modèles de langue. Cette méthode n'entraîne qu'une petite partie des paramètres et atteint les performances de la mise au point complète sur les tâches de référence.";

const _ = (name: string, text: string, kind: string, lang: string | null) => [name, text, kind, lang] as const;

describe('classifyBody: what a body text is', () => {
  it.each([
    _('an English abstract', ABSTRACT, 'abstract', null),
    _('an English abstract naming a Chinese benchmark', ABSTRACT_WITH_CJK_NAME, 'abstract', null),
    _('nothing', '', 'none', null),
    _('blanks', '  \n ', 'none', null),
    _('a Chinese summary', ZH, 'summary', 'zh'),
    _('a Japanese summary', JA, 'summary', 'ja'),
    _('a Korean summary', KO, 'summary', 'ko'),
    _('a Vietnamese summary', VI, 'summary', 'vi'),
    _('a Russian summary', RU, 'summary', 'ru'),
    _('a French summary', FR, 'summary', 'fr'),
    _("the Librarian Bot's automated comment", LIBRARIAN, 'comment', null),
    _('an author note, two lines', 'Code: https://github.com/o/r\nProject page: https://o.github.io/r', 'comment', null),
    _(
      'an author note, unwrapped to one line',
      'Code: https://github.com/o/r Project page: https://o.github.io/r',
      'comment',
      null,
    ),
    _('thanks', 'Thanks for sharing!', 'comment', null),
    _('praise with an emoji', 'Great work 🔥', 'comment', null),
    _('an abstract that starts with "Thanks"', `Thanks to scaling, ${ABSTRACT}`, 'abstract', null),
    _('an abstract that gives its code link', `${ABSTRACT} Code: https://github.com/o/r`, 'abstract', null),
  ])('%s', (_name, text, kind, lang) => expect(classifyBody(text)).toEqual({ kind, lang }));
});

describe('detectLanguage', () => {
  it.each([
    ['short English', 'A title', null],
    ['Japanese with Han and kana', JA, 'ja'],
    ['Chinese with English terms', `${ZH} LLM LoRA PEFT`, 'zh'],
  ])('%s', (_name, text, lang) => expect(detectLanguage(text)).toBe(lang));
});

describe('withBodyKind', () => {
  const rec = (abstract: string) => ({ ...emptyRecord(1, 'A Paper'), abstract });

  it('moves a summary in another language out of the abstract, with its language', () => {
    expect(withBodyKind(rec(KO))).toMatchObject({ abstract: '', summary: KO, summaryLang: 'ko', textKind: 'summary' });
  });

  it('moves a comment out of the abstract, keeping it as the summary', () => {
    expect(withBodyKind(rec('Thanks for sharing!'))).toMatchObject({
      abstract: '',
      summary: 'Thanks for sharing!',
      textKind: 'comment',
    });
  });

  it('marks an abstract, and nothing', () => {
    expect(withBodyKind(rec(ABSTRACT))).toMatchObject({ abstract: ABSTRACT, textKind: 'abstract' });
    expect(withBodyKind(rec(''))).toMatchObject({ abstract: '', textKind: 'none' });
  });

  it('leaves a record whose reader said what its text is', () => {
    const r = { ...rec(ZH), textKind: 'abstract' as const };
    expect(withBodyKind(r)).toBe(r);
  });

  // setBodyKind changes the record in place (splitDigest's own copy). The fields it adds come in
  // a fixed order, the one the copying version (before issue 18) gave them: JSON and the worker's
  // message keep it. withBodyKind leaves its input untouched.
  const BASE = Object.keys(rec(''));
  const MOVED = [...BASE, 'summary', 'summaryLang', 'textKind'];
  it.each([
    ['summary', { ...rec(KO) }, MOVED],
    ['summary after one', { ...rec(ZH), summary: 'earlier' }, [...BASE, 'summary', 'summaryLang', 'textKind']],
    ['comment', { ...rec('Thanks for sharing!') }, MOVED],
    ['abstract', { ...rec(ABSTRACT) }, [...BASE, 'textKind']],
    ['none', { ...rec('  ') }, [...BASE, 'textKind', 'summaryLang']],
    ['none with a summary', { ...rec(''), summary: VI }, [...BASE, 'summary', 'textKind', 'summaryLang']],
  ])('setBodyKind changes the record in place, its fields in a fixed order: %s', (_name, r, keys) => {
    const before = JSON.stringify(r);
    const copied = withBodyKind(r);
    expect(JSON.stringify(r)).toBe(before);
    expect(Object.keys(copied)).toEqual(keys);
    const inPlace = setBodyKind(r);
    expect(inPlace).toBe(r);
    expect(Object.keys(inPlace)).toEqual(keys);
    expect(inPlace).toEqual(copied);
  });
});
