// The part of markdown-it's API the escape oracle uses (the package ships no types of its own).
declare module 'markdown-it' {
  interface Token {
    readonly type: string;
    readonly tag: string;
    readonly content: string;
    readonly markup: string;
    readonly children: Token[] | null;
    attrGet(name: string): string | null;
  }

  interface Options {
    readonly html?: boolean;
    readonly linkify?: boolean;
  }

  class MarkdownIt {
    constructor(options?: Options);
    /** Decides which link targets become links; the default drops `javascript:` and the like. */
    validateLink: (url: string) => boolean;
    parse(source: string, env: object): Token[];
  }

  export default MarkdownIt;
}
