export { ingestArticle, idFromFileName, formatOf, type ArticleInput, type ArticleResult } from "./article";
export { decodeArticle } from "./decode";
export { extractHtml } from "./html";
export { parseMarkdown } from "./front-matter";
export { parseManifest } from "./manifest";
export { runIngest, type IngestOptions, type IngestResult } from "./run";
export type { IngestProblem } from "./problems";
