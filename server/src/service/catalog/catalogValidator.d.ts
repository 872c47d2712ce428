/** The catalog schema's validator, generated at build time (see `catalogValidator` in esbuild.mjs). */
declare module 'catalog-validator' {
  const validateCatalog: import('ajv').ValidateFunction;
  export default validateCatalog;
}
