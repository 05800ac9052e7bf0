/**
 * A problem of an indicator draft (/indicators/check) in the page's language. The registry writes
 * its problems in English (the CLI `indicators check` prints them so); the English page shows them
 * as written, the Chinese page says each kind of message the registry writes again in Chinese, and
 * for the expected and found columns keeps what is a value or code and says the common phrases in
 * Chinese. A message of an unknown kind becomes a general sentence, an unknown phrase a dash.
 *
 * @example draftProblemText({ message: 'unknown dimension', expected: 'the id of a dimension', found: '"x"' }, 'zh')
 * // { message: '未知的维度', expected: '维度的标识', found: '"x"' }
 */
import type { Lang } from '../i18n/lang.js';
import { withFields } from './with-fields.js';

interface ProblemText {
  readonly message: string;
  readonly expected: string;
  readonly found: string;
}

type Rule = readonly [RegExp, (match: RegExpExecArray) => string];

const KINDS: Readonly<Record<string, string>> = {
  dimension: '维度',
  indicator: '指标',
  variable: '变量',
  rule: '数据规则',
  fixture: '测试用例',
  'parent dimension': '上级维度',
  method: '方法',
};

const kind = (text: string | undefined): string => KINDS[text ?? ''] ?? text ?? '';

/** The depth limit's message is written in both languages at once: "JSON 嵌套不得超过 64 层 nested deeper than …". */
const TOO_DEEP = /^(JSON 嵌套不得超过 \d+ 层) (nested deeper than .*)$/;

const MESSAGES: readonly Rule[] = [
  [TOO_DEEP, (m) => m[1] ?? ''],
  [/^AHP matrix compares an item with itself$/, () => 'AHP 矩阵中某项与自身比较的值不为 1'],
  [/^AHP matrix is not reciprocal$/, () => 'AHP 矩阵不满足互反性'],
  [/^AHP matrix is not square$/, () => 'AHP 矩阵不是方阵'],
  [/^a fixture expecting a number cannot have a reason$/, () => '期望为数值的测试用例不能给出缺失原因'],
  [/^a fixture expecting null needs a reason$/, () => '期望为缺失的测试用例需要给出原因'],
  [/^a rule must say when a row is plausible$/, () => '数据规则须说明一行数据何时合理'],
  [/^a variable the formula needs is not required$/, () => '公式用到的变量未列为必填'],
  [/^cycle in dimension parents$/, () => '维度的上级关系形成了循环'],
  [/^declared variable is not used by the formula$/, () => '声明的变量未被公式使用'],
  [/^duplicate fixture name$/, () => '测试用例名称重复'],
  [
    /^duplicate id: an indicator of the catalogue can only be revised with a higher version$/,
    () => '标识重复：修订目录中的指标须提高版本号',
  ],
  [/^duplicate id$/, () => '标识重复'],
  [/^empty dimension$/, () => '维度下没有指标'],
  [/^fixture input breaks the inputs schema$/, () => '测试用例的输入不符合输入模式'],
  [/^fixture input is not a declared variable$/, () => '测试用例的输入不是已声明的变量'],
  [/^fixture names an unknown rule$/, () => '测试用例引用了未知的数据规则'],
  [/^formula uses an undeclared variable$/, () => '公式使用了未声明的变量'],
  [/^goalposts are equal$/, () => '目标值与下限相等'],
  [/^not a definition$/, () => '不是一个定义'],
  [/^only an indicator can be checked here$/, () => '此处只能检查指标'],
  [/^required variable is not declared$/, () => '必填变量未声明'],
  [/^root id clashes with a node id$/, () => '根标识与节点标识冲突'],
  [/^rule uses an undeclared variable$/, () => '数据规则使用了未声明的变量'],
  [/^target on the wrong side of the floor$/, () => '目标值位于下限的错误一侧'],
  [/^the fixture breaks other rules than it says$/, () => '测试用例违反的数据规则与其声明的不同'],
  [/^the normalisation range is empty or reversed$/, () => '标准化区间为空或上下颠倒'],
  [/^valid range is empty$/, () => '有效范围为空'],
  [/^unknown (parent dimension|dimension|indicator|variable|rule|fixture)$/, (m) => `未知的${kind(m[1])}`],
  [/^unknown (\w+) method$/, () => '未知的方法'],
  [/^(\w+) listed twice$/, (m) => `${kind(m[1])}重复列出`],
  [/^(\w+) does not take this parameter$/, (m) => `${m[1] ?? ''} 不接受此参数`],
  [/^(\w+) needs this parameter$/, (m) => `${m[1] ?? ''} 需要此参数`],
  [/^fixture (".*") fails$/, (m) => `测试用例 ${m[1] ?? ''} 未通过`],
  [/^formula does not compile/, () => '公式无法解析'],
  [/^rule does not compile/, () => '数据规则无法解析'],
  [
    /^malformed JSON at line (\d+), column (\d+)$/,
    (m) => `JSON 格式有误：第 ${m[1] ?? ''} 行第 ${m[2] ?? ''} 列`,
  ],
  [/^no fixture shows the rule (".*") at work$/, (m) => `没有测试用例演示数据规则 ${m[1] ?? ''}`],
  [/^variable declared with a different (\w+) by another indicator$/, () => '另一个指标对该变量的声明不同'],
  [/^must have required property '(.+)'$/, (m) => `缺少必需的属性“${m[1] ?? ''}”`],
  [/^must NOT have additional properties$/, () => '含有不允许的属性'],
  [/^must be equal to one of the allowed values$/, () => '须为允许的取值之一'],
  [/^must be (string|number|integer|object|array|boolean)$/, (m) => `类型须为 ${m[1] ?? ''}`],
  [/^must match pattern/, () => '格式不符合要求'],
  [/^must NOT have fewer than (\d+)/, (m) => `至少需要 ${m[1] ?? ''} 项`],
  [/^must be (>=|<=|>|<) (.+)$/, (m) => `须 ${m[1] ?? ''} ${m[2] ?? ''}`],
  [/^a revised definition needs a higher version$/, () => '修订目录中已有的定义须提高版本号'],
  [/^invalid property name$/, () => '属性名不合规'],
  [/^unknown property$/, () => '未知的属性'],
  [/^missing required property$/, () => '缺少必需的属性'],
  [/^wrong type$/, () => '类型不对'],
  [/^wrong value$/, () => '取值不对'],
  [/^not an allowed value$/, () => '不是允许的取值'],
  [/^wrong format$/, () => '格式不对'],
  [/^out of range$/, () => '超出范围'],
  [/^too few items$/, () => '项数太少'],
  [/^too many items$/, () => '项数太多'],
  [/^too short$/, () => '太短'],
  [/^too long$/, () => '太长'],
  [/^too few properties$/, () => '属性太少'],
  [/^duplicate items$/, () => '有重复的项'],
  [/^missing kind$/, () => '缺少 kind（定义的类别）'],
  [/^unknown kind$/, () => '未知的定义类别'],
  [/^override of an indicator outside the framework$/, () => '覆盖了框架之外的指标'],
  [/^override that replaces nothing$/, () => '覆盖项没有替换任何内容'],
  [/^override without a justification$/, () => '覆盖项缺少理由'],
];

const PHRASES: readonly Rule[] = [
  [/^the end of the file$/, () => '文件结尾'],
  [/^nothing$/, () => '无'],
  [/^an object$/, () => '一个对象'],
  [/^an array of (\d+) items?$/, (m) => `含 ${m[1] ?? ''} 项的数组`],
  [/^a JSON object$/, () => 'JSON 对象'],
  [/^a value$/, () => '一个值'],
  [/^the id of an? (\w+)$/, (m) => `${kind(m[1])}的标识`],
  [/^a declared variable: (.*)$/, (m) => `已声明的变量：${m[1] ?? ''}`],
  [/^only variables the formula reads: (.*)$/, (m) => `仅限公式用到的变量：${m[1] ?? ''}`],
  [/^(".*") listed, since the formula reads it$/, (m) => `列出 ${m[1] ?? ''}（公式用到它）`],
  [/^a formula in the formula language$/, () => '用公式语言写的公式'],
  [/^a condition in the formula language$/, () => '用公式语言写的条件'],
  [/^the reason the value is missing$/, () => '值缺失的原因'],
  [/^no reason when a number is expected$/, () => '期望为数值时不写原因'],
  [/^a name no other fixture of this indicator has$/, () => '本指标其他测试用例未用过的名称'],
  [/^low < high$/, () => '下限 < 上限'],
  [/^1 on the diagonal$/, () => '对角线上为 1'],
  [/^each (\w+) listed once$/, (m) => `每个${kind(m[1])}只列一次`],
  [/^at most (\d+) levels of nested arrays and objects$/, (m) => `数组和对象最多嵌套 ${m[1] ?? ''} 层`],
  [/^a version above (\S+)/, (m) => `高于 ${m[1] ?? ''} 的版本号`],
  [/^a target different from the floor \((.+)\)$/, (m) => `与下限（${m[1] ?? ''}）不同的目标值`],
  [/^≥ the minimum \((.+)\)$/, (m) => `≥ 下限（${m[1] ?? ''}）`],
  [/^parameter (".*")$/, (m) => `参数 ${m[1] ?? ''}`],
  [/^property (".*")$/, (m) => `属性 ${m[1] ?? ''}`],
  [
    /^at (least|most) (\d+) (items?|characters?|propert(?:y|ies))$/,
    (m) =>
      `${m[1] === 'least' ? '至少' : '至多'} ${m[2] ?? ''} ${m[3]?.startsWith('item') === true ? '项' : m[3]?.startsWith('char') === true ? '个字符' : '个属性'}`,
  ],
  [/^no duplicates$/, () => '不重复'],
  [/^(\d+) characters$/, (m) => `${m[1] ?? ''} 个字符`],
];

const ENGLISH = /[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}[^A-Za-z]+[A-Za-z]{2,}/;

function say(rules: readonly Rule[], text: string): string | undefined {
  for (const [pattern, sayIt] of rules) {
    const match = pattern.exec(text);
    if (match !== null) return sayIt(match);
  }
  return undefined;
}

/** A phrase of the expected or found column: said in Chinese, kept when it is a value or code, else a dash. */
function phrase(text: string): string {
  return say(PHRASES, text) ?? (text.startsWith('"') || !ENGLISH.test(text) ? text : '—');
}

export function draftProblemText(problem: ProblemText, lang: Lang): ProblemText {
  if (lang === 'en') {
    const deep = TOO_DEEP.exec(problem.message);
    return deep === null ? problem : withFields(problem, { message: deep[2] ?? '' });
  }
  return {
    message: say(MESSAGES, problem.message) ?? '定义有误',
    expected: phrase(problem.expected),
    found: phrase(problem.found),
  };
}
