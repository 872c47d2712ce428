/**
 * The settings a command-line run reads, from the same places the editor's come from: the
 * workspace's `.vscode/settings.json` (`errorCatalog.*` and `files.exclude`), then the project's
 * own settings file (`error-catalog.config.json`), then the flags. All are JSON with comments.
 */
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export type SettingsObject = Record<string, unknown>;

/** A settings file that cannot be used, with where and why. */
export class SettingsError extends Error {}

export interface SettingsSections {
  /** What `errorCatalog` pulls to (nested: `{ diagnostics: { unknownCode: 'error' } }`). */
  readonly errorCatalog: SettingsObject;
  /** `files.exclude`, which the editor's scans leave out too. */
  readonly filesExclude: SettingsObject;
}

function isObject(value: unknown): value is SettingsObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseSettings(text: string, file: string): SettingsObject {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const { error, offset } = errors[0];
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    throw new SettingsError(`${file}:${line}:${column}: ${printParseErrorCode(error)}. Fix the file (it is JSON with comments).`);
  }
  if (value === undefined && text.trim() === '') return {};
  if (!isObject(value)) throw new SettingsError(`${file}: the settings must be one JSON object ({ … }).`);
  return value;
}

/** Sets `value` at a dotted path (`diagnostics.unknownCode`) of `target`, making the objects on the way. */
function setDotted(target: SettingsObject, dotted: string, value: unknown): void {
  const parts = dotted.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    // Settings never name these; refusing them keeps a cloned repository's file from reaching Object.prototype.
    if (part === '__proto__' || part === 'constructor' || part === 'prototype') return;
    if (!isObject(node[part])) node[part] = {};
    node = node[part] as SettingsObject;
  }
  const last = parts[parts.length - 1];
  if (last === '__proto__' || last === 'constructor' || last === 'prototype') return;
  node[last] = isObject(value) && isObject(node[last]) ? layerOver(node[last] as SettingsObject, value) : value;
}

/** `errorCatalog.*` and `files.exclude` of a VS Code settings file; keys may be flat (`"errorCatalog.catalogs"`) or nested. */
export function vsCodeSettings(text: string, file: string): SettingsSections {
  const all = parseSettings(text, file);
  const errorCatalog: SettingsObject = {};
  let filesExclude: SettingsObject = {};
  for (const [key, value] of Object.entries(all)) {
    if (key === 'errorCatalog' && isObject(value)) for (const [inner, v] of Object.entries(value)) setDotted(errorCatalog, inner, v);
    else if (key.startsWith('errorCatalog.')) setDotted(errorCatalog, key.slice('errorCatalog.'.length), value);
    else if (key === 'files.exclude' && isObject(value)) filesExclude = { ...value };
  }
  return { errorCatalog, filesExclude };
}

/** The project's settings file: the `errorCatalog` settings with or without their prefix, flat or nested. */
export function configFileSettings(text: string, file: string): SettingsObject {
  const all = parseSettings(text, file);
  const settings: SettingsObject = {};
  for (const [key, value] of Object.entries(all)) {
    if (key === '$schema') continue;
    if (key === 'errorCatalog' && isObject(value)) for (const [inner, v] of Object.entries(value)) setDotted(settings, inner, v);
    else setDotted(settings, key.startsWith('errorCatalog.') ? key.slice('errorCatalog.'.length) : key, value);
  }
  return settings;
}

/** The settings of a run: each source over the one before; catalogs named by flags add to those of the files. */
export function combineSettings(vsCode: SettingsObject, config: SettingsObject, flags: SettingsObject): SettingsObject {
  let combined: SettingsObject = {};
  for (const layer of [vsCode, config, flags]) {
    const catalogs = [...(Array.isArray(combined.catalogs) ? combined.catalogs : [])];
    combined = layerOver(combined, layer);
    if (layer === flags && Array.isArray(flags.catalogs)) combined.catalogs = [...catalogs, ...flags.catalogs];
  }
  return combined;
}

/** `over` laid on `base`: objects merge member by member, anything else is replaced. */
function layerOver(base: SettingsObject, over: SettingsObject): SettingsObject {
  const merged: SettingsObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    merged[key] = isObject(value) && isObject(merged[key]) ? layerOver(merged[key] as SettingsObject, value) : value;
  }
  return merged;
}
