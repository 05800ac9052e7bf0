import { ConfigError, loadConfig, type Config } from '../../server/config.js';
import { CliError } from './cli-error.js';

/** The validated configuration, or a CliError that lists every bad variable. */
export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, 2);
    throw error;
  }
}
