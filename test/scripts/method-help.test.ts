import { expect } from 'chai';
import { Command } from 'commander';
import { registerScore } from '../../scripts/commands/score.js';
import { normalisationMethods } from '../../server/engine/methods/normalisation/index.js';
import { weightingMethods } from '../../server/engine/methods/weighting/index.js';

/** The help of one option of `score`, up to the next option, with commander's line wrapping undone. */
function optionHelp(option: string, next: string): string {
  const program = new Command();
  registerScore(program);
  const score = program.commands.find((command) => command.name() === 'score');
  if (score === undefined) throw new Error('score is not registered');
  const help = score.helpInformation().replace(/\s+/g, ' ');
  return help.slice(help.indexOf(option), help.indexOf(next));
}

describe('score --help', () => {
  it('offers every normalisation method the engine declares under --normalisation', () => {
    const options = optionHelp('--normalisation', '--range');
    for (const name of Object.keys(normalisationMethods)) expect(options, name).to.include(name);
  });

  it('offers every weighting method the engine declares under --weighting, ahp included', () => {
    const options = optionHelp('--weighting', '--weights');
    for (const name of Object.keys(weightingMethods)) expect(options, name).to.include(name);
    expect(options).to.include('ahp');
  });
});
