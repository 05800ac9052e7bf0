/** The labels of the prefilled data-template form (catalogue and import pages), Chinese first. */
import type { BilingualText } from './pick.js';

export const TEMPLATE_FORM_LABELS = {
  templateFormTitle: { zh: '预填的数据采集模板', en: 'A prefilled data template' },
  templateFormIntro: {
    zh: '选择区或街道，模板就列出其下各社区的代码和名称，一个社区一行；勾选后再填入上期已存的数值，只需核对修改，不必重新录入。填好的模板按原样即可导入。',
    en: 'Choose a district or street and the template lists the code and name of every community under it, one row each; tick the box to fill in the values stored for the last period as well, to correct rather than retype. The filled template imports as it is.',
  },
  templateFormFramework: { zh: '框架', en: 'Framework' },
  templateFormFormat: { zh: '文件格式', en: 'File format' },
  templateFormUnder: { zh: '区或街道', en: 'District or street' },
  templateFormBlank: { zh: '（空白模板，不预填）', en: '(blank template, nothing prefilled)' },
  templateFormValues: { zh: '填入上期（{period}）的数值', en: "Fill in the last period's ({period}) values" },
  templateFormPeriod: { zh: '“时期”列填写（留空则为上期）', en: 'Period column (empty: the last period)' },
  templateFormSubmit: { zh: '下载模板', en: 'Download the template' },
} as const satisfies Readonly<Record<string, BilingualText>>;
