/**
 * The labels of /indicators/check, where a researcher checks one indicator draft against the
 * catalogue, Chinese first. Part of the one dictionary (dictionary.ts spreads them in).
 */
import type { BilingualText } from './pick.js';

export const DRAFT_CHECK_LABELS = {
  draftCheckTitle: { zh: '检查指标草稿', en: 'Check an indicator draft' },
  draftCheckIntro: {
    zh: '粘贴一个指标定义（JSON，格式同 indicators/ 下的文件）。系统按 `indicators check` 的全部规则，在当前指标目录中检查它并运行每个测试用例；不会保存任何内容。',
    en: 'Paste one indicator definition (JSON, in the format of the files under indicators/). It is checked against the current catalogue with every rule of `indicators check`, and every fixture is run; nothing is saved.',
  },
  draftCheckLink: { zh: '检查指标草稿', en: 'Check an indicator draft' },
  draftCheckField: { zh: '指标定义（JSON）', en: 'Indicator definition (JSON)' },
  draftCheckSubmit: { zh: '检查', en: 'Check' },
  draftCheckName: { zh: '草稿', en: 'Draft' },
  draftCheckOk: {
    zh: '检查通过：没有问题，全部测试用例通过。',
    en: 'The draft passes: no problems, every fixture passes.',
  },
  draftCheckFailed: { zh: '发现 {count} 个问题。', en: '{count} problem(s) found.' },
  draftCheckNew: {
    zh: '新指标：目录中还没有这个标识。',
    en: 'A new indicator: the catalogue has no such id yet.',
  },
  draftCheckRevision: {
    zh: '修订：替换目录中的 {id} {version}（{file}）。',
    en: 'A revision: replaces {id} {version} of the catalogue ({file}).',
  },
  draftCheckProblems: { zh: '问题', en: 'Problems' },
  draftCheckWhere: { zh: '位置（JSON 指针）', en: 'Where (JSON pointer)' },
  draftCheckWhole: { zh: '整个定义', en: 'the whole definition' },
  draftCheckMessage: { zh: '问题说明', en: 'Problem' },
  draftCheckExpected: { zh: '应为', en: 'Expected' },
  draftCheckFound: { zh: '实际', en: 'Found' },
  draftCheckFixtures: { zh: '测试用例', en: 'Fixtures' },
  draftCheckNoFixtures: {
    zh: '没有运行测试用例：定义未通过模式校验，或公式无法解析。',
    en: 'No fixture ran: the definition breaks its schema or its formula does not parse.',
  },
  draftCheckFixture: { zh: '用例', en: 'Fixture' },
  draftCheckExpectedValue: { zh: '期望值', en: 'Expected' },
  draftCheckComputed: { zh: '计算值', en: 'Computed' },
  draftCheckResult: { zh: '结果', en: 'Result' },
  draftCheckPass: { zh: '通过', en: 'pass' },
  draftCheckFail: { zh: '不通过', en: 'fail' },
} as const satisfies Readonly<Record<string, BilingualText>>;
