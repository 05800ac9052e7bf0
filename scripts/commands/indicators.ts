/** `indicators …`: the researcher's commands for indicator definitions and data templates. */
import type { Command } from 'commander';
import { registerIndicatorsCatalogue } from './indicators-catalogue.js';
import { registerIndicatorsCheck } from './indicators-check.js';
import { registerIndicatorsDocs } from './indicators-docs.js';
import { registerIndicatorsImportCoinr } from './indicators-import-coinr.js';
import { registerIndicatorsList } from './indicators-list.js';
import { registerIndicatorsNew } from './indicators-new.js';
import { registerIndicatorsTemplate } from './indicators-template.js';

export function registerIndicators(program: Command): void {
  const indicators = program
    .command('indicators')
    .description('check, scaffold, list and document indicator definitions; write data templates');
  registerIndicatorsCheck(indicators);
  registerIndicatorsNew(indicators);
  registerIndicatorsList(indicators);
  registerIndicatorsDocs(indicators);
  registerIndicatorsTemplate(indicators);
  registerIndicatorsImportCoinr(indicators);
  registerIndicatorsCatalogue(indicators);
}
