export { extractStatements, type StatementContext } from "./statements";
export { attributeDocument, type Attribution, type DocumentAttribution } from "./attribute";
export { compileRules, LanguageRules, type CompiledRules, type RuleSet } from "./rules";
