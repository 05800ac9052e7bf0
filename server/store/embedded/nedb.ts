/**
 * @seald-io/nedb is CommonJS whose typings declare an ES default export; under NodeNext
 * resolution the two disagree, so we load it with require and keep its own types.
 */
import { createRequire } from 'node:module';
import type NedbModule from '@seald-io/nedb';

type DatastoreClass = typeof NedbModule.default;
export type Datastore<Schema> = NedbModule.default<Schema>;

const require = createRequire(import.meta.url);
export const Datastore = require('@seald-io/nedb') as DatastoreClass;
