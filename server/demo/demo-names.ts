/**
 * Place-name morphemes for the demo city, Chinese with pinyin, combined deterministically so
 * that every street and community gets a distinct, plausible name.
 */
export const NAME_PARTS: readonly (readonly [zh: string, en: string])[] = [
  ['和平', 'Heping'],
  ['解放', 'Jiefang'],
  ['中山', 'Zhongshan'],
  ['人民', 'Renmin'],
  ['建设', 'Jianshe'],
  ['胜利', 'Shengli'],
  ['长江', 'Changjiang'],
  ['汉水', 'Hanshui'],
  ['花园', 'Huayuan'],
  ['新华', 'Xinhua'],
  ['东风', 'Dongfeng'],
  ['向阳', 'Xiangyang'],
  ['学府', 'Xuefu'],
  ['滨湖', 'Binhu'],
  ['金桥', 'Jinqiao'],
  ['银湖', 'Yinhu'],
  ['翠柳', 'Cuiliu'],
  ['红旗', 'Hongqi'],
  ['光明', 'Guangming'],
  ['幸福', 'Xingfu'],
  ['桃源', 'Taoyuan'],
  ['梅岭', 'Meiling'],
  ['松涛', 'Songtao'],
  ['竹林', 'Zhulin'],
  ['枫桥', 'Fengqiao'],
  ['荷塘', 'Hetang'],
  ['石桥', 'Shiqiao'],
  ['白沙', 'Baisha'],
  ['青石', 'Qingshi'],
  ['凤凰', 'Fenghuang'],
  ['龙泉', 'Longquan'],
  ['锦绣', 'Jinxiu'],
  ['友谊', 'Youyi'],
  ['朝阳', 'Chaoyang'],
  ['育才', 'Yucai'],
  ['丰收', 'Fengshou'],
  ['永安', 'Yong’an'],
  ['长乐', 'Changle'],
  ['安居', 'Anju'],
  ['云山', 'Yunshan'],
];

/** The n-th distinct two-part name (n < NAME_PARTS.length²). */
export function compoundName(n: number): { zh: string; en: string } {
  const size = NAME_PARTS.length;
  const first = NAME_PARTS[n % size];
  const second = NAME_PARTS[(Math.floor(n / size) + 7 * (n % size) + 1) % size];
  if (first === undefined || second === undefined) throw new RangeError(`no name part for ${n}`);
  if (n < size) return { zh: first[0], en: first[1] };
  return { zh: first[0] + second[0], en: first[1] + second[1].toLowerCase() };
}
