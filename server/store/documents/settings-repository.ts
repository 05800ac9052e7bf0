/**
 * Settings over the document port: small JSON values by key, kept as JSON text.
 */
import type { JsonValue } from '../store.js';
import { assertSettingKey } from '../setting-key.js';
import { assertStorableJson } from '../validation/safe-json.js';
import type { DocumentCollection } from './document-database.js';

export class SettingsRepository {
  constructor(private readonly settings: DocumentCollection) {}

  async get(key: string): Promise<JsonValue | undefined> {
    assertSettingKey(key);
    const doc = await this.settings.findOne({ _id: key });
    return typeof doc?.json === 'string' ? (JSON.parse(doc.json) as JsonValue) : undefined;
  }

  async put(key: string, value: JsonValue): Promise<void> {
    assertSettingKey(key);
    const json = JSON.stringify(assertStorableJson(value, `setting ${key}`));
    const doc = { _id: key, json };
    await this.settings.replace(doc);
  }
}
