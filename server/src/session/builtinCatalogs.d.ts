/** The built-in catalog files, each with its text and its parsed value, generated at build time (see `builtinCatalogs` in esbuild.mjs). */
declare module 'builtin-catalogs' {
  const builtinCatalogs: ReadonlyMap<string, { readonly text: string; readonly value: unknown }>;
  export default builtinCatalogs;
}
