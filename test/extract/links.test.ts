import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../src/extract/links.js';
import { seedPapers } from '../helpers.js';

/** Repos of a text as compact strings: "owner/repo[path] status source". */
function repos(abstract: string, siteRepos?: string[], siteLinks?: string[]): string[] {
  return extractLinks('', abstract, siteRepos, siteLinks).github.map(
    (g) => `${g.owner}/${g.repo}${g.path ?? ''} ${g.status} ${g.source}`,
  );
}
function links(abstract: string, siteRepos?: string[], siteLinks?: string[]): string[] {
  return extractLinks('', abstract, siteRepos, siteLinks).links.map((l) => `${l.url} ${l.kind}`);
}

// Real sentences from fixtures/seeds (quoted verbatim), then constructed edge cases.
describe('extractLinks: github repos', () => {
  it.each([
    ['Code is available at https://github.com/dongzelian/SSF.', ['dongzelian/SSF available abstract']],
    // URL glued to a braced copy of itself
    [
      'Our open-source code can be accessed at https://github.com/SKDDJ/LoLDU{https://github.com/SKDDJ/LoLDU}.',
      ['SKDDJ/LoLDU available abstract'],
    ],
    // LaTeX \url{} with the sentence's period inside the braces, then "}."
    [
      'The results showcase the promise of slow thinking, dynamic workflows, and hybrid thinking in expanding the frontier of complex problem-solving with LLMsCode and data will be released at \\url{https://github.com/wenlinyao/HDFlow.}.',
      ['wenlinyao/HDFlow promised abstract'],
    ],
    // "~" glued before the URL
    ['Our code is publicly available at~https://github.com/rabeehk/compacter.', ['rabeehk/compacter available abstract']],
    // ".git" then the period
    [
      'We release our code here: https://github.com/FightingFighting/NeuroAda.git.',
      ['FightingFighting/NeuroAda available abstract'],
    ],
    // closing parenthesis of a sentence in brackets
    [
      '(Our implementation is available in https://github.com/Facico/Dynamic-Logit-Fusion.)',
      ['Facico/Dynamic-Logit-Fusion available abstract'],
    ],
    // www. and no scheme
    ['Our code is available at https://www.github.com/thartvigsen/grace.', ['thartvigsen/grace available abstract']],
    [
      'A Pytorch implementation of our technique can be found at github.com/microsoft/mup and installable via `pip install mup`.',
      ['microsoft/mup available abstract'],
    ],
    // space before the final period; the "Code:" label; words after the URL ("PETL AST.")
    [
      'Codes to reproduce all our experiments are at https://github.com/ZO-Bench/ZO-LLM .',
      ['ZO-Bench/ZO-LLM available abstract'],
    ],
    [
      'Code: https://github.com/kriskrisliu/PAT_Pruning-Aware-Tuning',
      ['kriskrisliu/PAT_Pruning-Aware-Tuning available abstract'],
    ],
    ['Our code is available at: https://github.com/umbertocappellazzo/PETL AST.', ['umbertocappellazzo/PETL available abstract']],
    // two repos in one sentence
    [
      'We release the code for SFT at https://github.com/AlanAnsell/peft and for the instruction-tuning experiments at https://github.com/ducdauge/sft-llm.',
      ['AlanAnsell/peft available abstract', 'ducdauge/sft-llm available abstract'],
    ],
    // promised: the wording of the URL's own sentence decides
    [
      'The code and model will be made open-source at: https://github.com/mightyzau/InfMLLM.',
      ['mightyzau/InfMLLM promised abstract'],
    ],
    [
      'Audio samples, source code and checkpoints will be available at https://github.com/sh-lee-prml/PeriodWave.',
      ['sh-lee-prml/PeriodWave promised abstract'],
    ],
    [
      'Code, model weights, and scripts will be released for reproducibility at https://github.com/simula/PointDetectCount.',
      ['simula/PointDetectCount promised abstract'],
    ],
    [
      'The code will be released as soon (MindSpore: https://gitee.com/mindspore/models, PyTorch: https://github.com/huawei-noah/Efficient-AI-Backbones).',
      ['huawei-noah/Efficient-AI-Backbones promised abstract'],
    ],
    // "will be updated" is not a promise of the code: the repository exists
    [
      'More empirical results and implementation details will be updated at https://github.com/tmlr-group/AlphaApollo.',
      ['tmlr-group/AlphaApollo available abstract'],
    ],
    // a promise in the previous sentence does not leak into the next one
    [
      'More experimental results will be updated continuously in later versions. Source codes, datasets, and models are disclosed at: https://github.com/ADaM-BJTU/OpenRFT',
      ['ADaM-BJTU/OpenRFT available abstract'],
    ],
    // the last cue before each URL wins
    [
      'Code is available at https://github.com/a/code, and data will be released at https://github.com/a/data.',
      ['a/code available abstract', 'a/data promised abstract'],
    ],
    ['Code: https://github.com/a/b (coming soon).', ['a/b promised abstract']],
    ['Code will be released upon acceptance at https://github.com/a/b.', ['a/b promised abstract']],
    ['Code will be released (e.g. at https://github.com/a/b).', ['a/b promised abstract']],
    ['See https://github.com/a/b for details.', ['a/b available abstract']],
    // normalisation and cleanup
    ['Code: http://github.com/Owner/Repo/tree/main/src/x.', ['Owner/Repo/tree/main/src/x available abstract']],
    [
      'Code: https://github.com/a/b/ and [https://github.com/c/d] and <https://github.com/e/f>; "https://github.com/g/h".',
      ['a/b available abstract', 'c/d available abstract', 'e/f available abstract', 'g/h available abstract'],
    ],
    ['Code: \\href{https://github.com/a/b}{https://github.com/a/b}.', ['a/b available abstract']],
    ['Code: https://github.com/a/my\\_repo.', ['a/my_repo available abstract']],
    ['Code: https://github.com/a/b.git', ['a/b available abstract']],
    ['Code: https://github.com/a/b; data: https://github.com/a/c:', ['a/b available abstract', 'a/c available abstract']],
    // one entry per repo, case-insensitive, first spelling kept
    [
      'Code at https://github.com/SewoongLab/PLeaS-Merging and github.com/sewoonglab/pleas-merging.',
      ['SewoongLab/PLeaS-Merging available abstract'],
    ],
    // not repos
    ['Follow https://github.com/huggingface for more.', []],
    ['See https://github.com/features and https://github.com/login.', []],
    ['Our project page is at https://huangtiansheng.github.io/Antidote_gh_page/', []],
    ['', []],
  ])('%s', (abstract, expected) => {
    expect(repos(abstract)).toEqual(expected);
  });
});

describe('extractLinks: other links', () => {
  it.each([
    [
      'Our project page is at https://huangtiansheng.github.io/Antidote_gh_page/',
      ['https://huangtiansheng.github.io/Antidote_gh_page/ project-page'],
    ],
    [
      '(https://chenweize1998.github.io/optima-project-page).',
      ['https://chenweize1998.github.io/optima-project-page project-page'],
    ],
    [
      'Project website: https://sites.google.com/view/affordance-guided-rl',
      ['https://sites.google.com/view/affordance-guided-rl project-page'],
    ],
    ['The code and pre-trained models will be publicly available at https://aka.ms/xdoc.', ['https://aka.ms/xdoc other']],
    [
      'All checkpoints, recipes, and evaluation code are released under the Apache-2.0 license.https://huggingface.co/XiaoduoAILab/Xmodel-2.5 and https://huggingface.co/XiaoduoAILab/Xmodel-2.5-history (training checkpoints).',
      [
        'https://huggingface.co/XiaoduoAILab/Xmodel-2.5 huggingface',
        'https://huggingface.co/XiaoduoAILab/Xmodel-2.5-history huggingface',
      ],
    ],
    [
      'The code will be released as soon (MindSpore: https://gitee.com/mindspore/models, PyTorch: https://github.com/huawei-noah/Efficient-AI-Backbones).',
      ['https://gitee.com/mindspore/models gitee'],
    ],
    [
      'Code: https://gitlab.com/a/b and https://arxiv.org/abs/2106.09685.',
      ['https://gitlab.com/a/b gitlab', 'https://arxiv.org/abs/2106.09685 arxiv'],
    ],
    ['Follow https://github.com/huggingface for more.', ['https://github.com/huggingface other']],
    [
      'Two copies: https://ip-adapter.github.io. and https://ip-adapter.github.io/',
      ['https://ip-adapter.github.io project-page'],
    ],
  ])('%s', (abstract, expected) => {
    expect(links(abstract)).toEqual(expected);
  });
});

describe('extractLinks: site fields', () => {
  it.each([
    // hf-api-json githubRepo / projectPage values
    [[], ['https://github.com/AI4Phys/SeePhy-Pro'], [], ['AI4Phys/SeePhy-Pro available site'], []],
    // a repo both in the abstract and the site field: one entry, the abstract's; the site field
    // linking a repository the abstract promised means the promise was kept (issue 17)
    [
      'Code will be available at https://github.com/dyabel/AnyTool.',
      ['https://github.com/dyabel/anytool'],
      [],
      ['dyabel/AnyTool available abstract'],
      [],
    ],
    // a promise and a site field naming another repository: the promise stands
    [
      'Code will be available at https://github.com/dyabel/AnyTool.',
      ['https://github.com/other/repo'],
      [],
      ['dyabel/AnyTool promised abstract', 'other/repo available site'],
      [],
    ],
    // projectPage holding a repo counts as code; other project pages keep their kind
    [[], [], ['https://github.com/thu-ml/Causal-Forcing'], ['thu-ml/Causal-Forcing available site'], []],
    [
      [],
      [],
      [
        'https://ai-kunkun.github.io/PASA_page/',
        'https://vidraft.net',
        'https://huggingface.co/collections/VLyb/frameskip',
        'https://arxiv.org/abs/2605.11680',
      ],
      [],
      [
        'https://ai-kunkun.github.io/PASA_page/ project-page',
        'https://vidraft.net project-page',
        'https://huggingface.co/collections/VLyb/frameskip huggingface',
        'https://arxiv.org/abs/2605.11680 arxiv',
      ],
    ],
    // a non-GitHub value in githubRepo falls through to links
    [[], ['https://gitlab.com/o/r'], [], [], ['https://gitlab.com/o/r gitlab']],
  ])('%j %j %j', (abstract, siteRepos, siteLinks, expRepos, expLinks) => {
    const text = Array.isArray(abstract) ? '' : abstract;
    expect(repos(text, siteRepos, siteLinks)).toEqual(expRepos);
    expect(links(text, siteRepos, siteLinks)).toEqual(expLinks);
  });

  it('gives url, owner, repo and path separately', () => {
    expect(extractLinks('', 'Code: https://www.github.com/Owner/Repo.git/tree/main/x.').github).toEqual([
      {
        url: 'https://github.com/Owner/Repo',
        owner: 'Owner',
        repo: 'Repo',
        path: '/tree/main/x',
        status: 'available',
        source: 'abstract',
      },
    ]);
  });
});

describe('extractLinks: pathological input returns', () => {
  it.each([
    ['github.com/ x20000', 'github.com/'.repeat(20000)],
    ['https://github.com/a/b x10000', 'https://github.com/a/b '.repeat(10000)],
    ['200k chars without spaces', 'a'.repeat(200000)],
    ['200k dots', '.'.repeat(200000)],
    ['will be released at x20000', 'will be released at '.repeat(20000) + 'https://github.com/a/b'],
    ['200k closing brackets after a URL', 'https://github.com/a/b' + ')'.repeat(200000)],
    ['200k dotted host', 'https://' + 'a.'.repeat(100000) + '1/x'],
  ])('%s', (_name, text) => {
    const r = extractLinks(text, text);
    expect(Array.isArray(r.github)).toBe(true);
  });
});

// Seeds: every GitHub URL in fixtures/seeds was read by hand
// (grep -o 'github[^ ]*' fixtures/seeds/*.txt | sort -u) against the table above.
describe('extractLinks on the seeds', () => {
  const papers = seedPapers();
  const withRepo = papers.map((p) => ({ ...p, r: extractLinks(p.title, p.abstract) })).filter((p) => p.r.github.length > 0);

  it('reads 360 distinct papers', () => {
    expect(papers).toHaveLength(360);
  });

  it('finds a GitHub repo in 81 papers', () => {
    expect(withRepo).toHaveLength(81);
  });

  // The brief expected 8 promised; reading the sentences gives 9: ParameterNet's "The code will be
  // released as soon (MindSpore: ..., PyTorch: https://github.com/huawei-noah/...)" is a promise
  // too. AlphaApollo's "will be updated at" is not (the repository is out).
  it('finds 9 of them promised', () => {
    const promised = withRepo.filter((p) => p.r.github.some((g) => g.status === 'promised')).map((p) => p.r.github[0]!.repo);
    expect(promised.sort()).toEqual([
      'AnyTool',
      'DFT',
      'Efficient-AI-Backbones',
      'HDFlow',
      'InfMLLM',
      'PeriodWave',
      'PointDetectCount',
      'R-Tuning',
      'TeleAntiFraud',
    ]);
  });

  it('finds 82 repos in all (one paper links two)', () => {
    expect(withRepo.flatMap((p) => p.r.github)).toHaveLength(82);
  });
});
