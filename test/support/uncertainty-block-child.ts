/**
 * A child process for the split Monte Carlo test: prepares the panel fixture's analysis, runs the
 * replication block given as `FROM TO` and prints the block as JSON on stdout.
 */
import { blockToJson } from '../../server/engine/uncertainty/block-json.js';
import { runReplicationBlock } from '../../server/engine/uncertainty/blocks.js';
import { prepareUncertainty } from '../../server/engine/uncertainty/prepare.js';
import { panelBase } from '../engine/uncertainty/fixtures.js';
import { splitInput, splitSettings } from '../engine/uncertainty/split-settings.js';

const [from, to] = process.argv.slice(2).map(Number);
const prepared = prepareUncertainty(splitInput, panelBase, splitSettings);
process.stdout.write(JSON.stringify(blockToJson(runReplicationBlock(prepared, from ?? 0, to ?? 0))));
