/**
 * The definitions the app works with: the Registry of the latest catalogue version in the store
 * (server/domain/catalogue.ts), rebuilt by reload() after a publication, so that every door
 * (services.registry is a getter over current()) sees the new definitions without a restart; other
 * processes on the same MongoDB see them within RECHECK_MS (refreshWhenDue, called per request). Older
 * versions stay reachable, so an evaluation keeps the framework version it was made with
 * (resolveFrameworkVersion).
 *
 * @example
 * const catalogue = await DefinitionCatalogue.open(store.catalogue);
 * catalogue.current().resolveFramework('default');
 * await catalogue.resolveFrameworkVersion('default', '1.0.0');
 */
import { catalogueSha256, type CatalogueFile, type CatalogueVersion } from '../domain/catalogue.js';
import { NotFoundError } from '../errors.js';
import { identityOf } from '../indicators/catalogue-changes.js';
import { checkDefinitions } from '../indicators/check-definitions.js';
import { RegistryError } from '../indicators/registry-error.js';
import type { Registry, ResolvedFramework } from '../indicators/registry-types.js';
import type { CatalogueStore } from '../store/store.js';

/** One version of a framework, with the newest catalogue version that holds it. */
export interface FrameworkVersionEntry {
  /** The framework's `version` field. */
  readonly version: string;
  readonly catalogueVersion: number;
  /** When that catalogue version was made. */
  readonly createdAt: string;
}

/** The name registries built from the store carry as their `dir` (where the definitions came from). */
export const CATALOGUE_SOURCE = 'catalogue';

/** Registries shared across catalogues of this process by the fingerprint of their files (they are frozen). */
const BY_SHA = new Map<string, Registry>();
const BY_SHA_KEPT = 8;

/**
 * The Registry of a set of definition files (`sha256`: their catalogueSha256, computed when not
 * given); a RegistryError listing every problem when they do not pass.
 */
export function registryOfFiles(files: readonly CatalogueFile[], sha256 = catalogueSha256(files)): Registry {
  const known = BY_SHA.get(sha256);
  if (known !== undefined) return known;
  const checked = checkDefinitions(files, CATALOGUE_SOURCE);
  if (checked.registry === undefined) throw new RegistryError(checked.problems);
  BY_SHA.set(sha256, checked.registry);
  const oldest = BY_SHA.keys().next();
  if (BY_SHA.size > BY_SHA_KEPT && oldest.done !== true) BY_SHA.delete(oldest.value);
  return checked.registry;
}

/** The Registry of a version's files; a RegistryError listing every problem if they no longer pass. */
export function registryOfVersion(version: CatalogueVersion): Registry {
  return registryOfFiles(version.files, version.sha256);
}

/** framework id → its `version` field, in one catalogue version. */
function frameworkIndex(version: CatalogueVersion): Map<string, string> {
  const index = new Map<string, string>();
  for (const { text } of version.files) {
    const identity = identityOf(text);
    if (identity.kind === 'framework' && identity.id !== undefined && identity.version !== undefined) {
      if (!index.has(identity.id)) index.set(identity.id, identity.version);
    }
  }
  return index;
}

/** How often a process asks the store whether another process published a newer version. */
export const RECHECK_MS = 2_000;

export interface CatalogueClock {
  /** Milliseconds between two checks for a newer version (RECHECK_MS unless a test says otherwise). */
  readonly recheckMs?: number;
  readonly now?: () => number;
}

export class DefinitionCatalogue {
  /** Registries of older versions (immutable, so kept once built). */
  private readonly registries = new Map<number, Promise<Registry>>();
  /** Framework versions of each catalogue version, with its date. */
  private readonly indexes = new Map<number, { createdAt: string; frameworks: Map<string, string> }>();
  private readonly recheckMs: number;
  private readonly now: () => number;
  private checkedAt: number;
  private checking: Promise<void> | undefined;

  private constructor(
    private readonly store: CatalogueStore,
    private latestVersion: CatalogueVersion,
    private registry: Registry,
    clock: CatalogueClock,
  ) {
    this.recheckMs = clock.recheckMs ?? RECHECK_MS;
    this.now = clock.now ?? Date.now;
    this.checkedAt = this.now();
  }

  /** The catalogue of the store's latest version; the store must hold one (seedCatalogue fills an empty one). */
  static async open(store: CatalogueStore, clock: CatalogueClock = {}): Promise<DefinitionCatalogue> {
    const latest = await store.latest();
    if (latest === undefined) {
      throw new NotFoundError({
        zh: '指标目录为空：请先从 indicators/ 目录导入（启动时自动完成）',
        en: 'the definitions catalogue is empty: seed it from the indicators/ folder first (the server does at start)',
      });
    }
    return new DefinitionCatalogue(store, latest, registryOfVersion(latest), clock);
  }

  /** The registry of the latest version (as of the last reload). */
  current(): Registry {
    return this.registry;
  }

  /** The number of the latest version (as of the last reload). */
  version(): number {
    return this.latestVersion.version;
  }

  /** The latest version itself, files included (as of the last reload). */
  latest(): CatalogueVersion {
    return this.latestVersion;
  }

  /** Reads the store's latest version again; rebuilds the registry when it changed. */
  async reload(): Promise<void> {
    const latest = await this.store.latest();
    if (latest === undefined || latest.version === this.latestVersion.version) return;
    const registry = registryOfVersion(latest);
    if (latest.version < this.latestVersion.version) return;
    this.latestVersion = latest;
    this.registry = registry;
  }

  /**
   * Several Zhili processes on one MongoDB: a version another process published reaches this one
   * within `recheckMs`, without a restart. Undefined when no check is due (the common case, so a
   * request does not wait a turn for nothing); otherwise the check, shared by concurrent callers.
   */
  refreshWhenDue(): Promise<void> | undefined {
    if (this.checking !== undefined) return this.checking;
    if (this.now() - this.checkedAt < this.recheckMs) return undefined;
    this.checkedAt = this.now();
    this.checking = this.store
      .latestNumber()
      .then(async (newest) => {
        if (newest > this.latestVersion.version) await this.reload();
      })
      .finally(() => {
        this.checking = undefined;
      });
    return this.checking;
  }

  private async versionOrThrow(version: number): Promise<CatalogueVersion> {
    if (version === this.latestVersion.version) return this.latestVersion;
    const found = await this.store.get(version);
    if (found === undefined) {
      throw new NotFoundError({
        zh: `没有目录版本 ${version}`,
        en: `no catalogue version ${version}`,
      });
    }
    return found;
  }

  /** The registry of any catalogue version (built once, then kept). */
  registryAt(version: number): Promise<Registry> {
    if (version === this.latestVersion.version) return Promise.resolve(this.registry);
    let registry = this.registries.get(version);
    if (registry === undefined) {
      registry = this.versionOrThrow(version).then(registryOfVersion);
      registry.catch(() => this.registries.delete(version));
      this.registries.set(version, registry);
    }
    return registry;
  }

  private async index(version: number): Promise<{ createdAt: string; frameworks: Map<string, string> }> {
    let entry = this.indexes.get(version);
    if (entry === undefined) {
      const found = await this.versionOrThrow(version);
      entry = { createdAt: found.createdAt, frameworks: frameworkIndex(found) };
      this.indexes.set(version, entry);
    }
    return entry;
  }

  /** Every version of framework `id` the catalogue ever held, newest first, each with the newest catalogue version holding it. */
  async frameworkVersions(id: string): Promise<FrameworkVersionEntry[]> {
    const found = new Map<string, FrameworkVersionEntry>();
    for (let version = this.latestVersion.version; version >= 1; version -= 1) {
      const { createdAt, frameworks } = await this.index(version).catch((error: unknown) => {
        if (error instanceof NotFoundError) return { createdAt: '', frameworks: new Map<string, string>() };
        throw error;
      });
      const frameworkVersion = frameworks.get(id);
      if (frameworkVersion !== undefined && !found.has(frameworkVersion)) {
        found.set(frameworkVersion, { version: frameworkVersion, catalogueVersion: version, createdAt });
      }
    }
    return [...found.values()];
  }

  /**
   * Framework `id` at its version `frameworkVersion`, from the newest catalogue version that has
   * it; a NotFoundError naming the versions there are when none has.
   */
  async resolveFrameworkVersion(id: string, frameworkVersion: string): Promise<ResolvedFramework> {
    const current = this.registry.frameworks.get(id);
    if (current?.definition.version === frameworkVersion) return this.registry.resolveFramework(id);
    const versions = await this.frameworkVersions(id);
    const entry = versions.find((v) => v.version === frameworkVersion);
    if (entry === undefined) {
      const known = versions.map((v) => v.version).join(', ') || '—';
      throw new NotFoundError({
        zh: `框架 ${id} 没有版本 ${frameworkVersion}（已有：${known}）`,
        en: `framework ${id} has no version ${frameworkVersion} (known: ${known})`,
      });
    }
    return (await this.registryAt(entry.catalogueVersion)).resolveFramework(id);
  }
}
