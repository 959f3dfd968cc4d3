export * from "./schemas/documents";
export * from "./schemas/normalized";
export * from "./schemas/statements";
export * from "./schemas/config";
export * from "./errors";
export * from "./io";
export * from "./paths";
export * from "./schemas/metrics";
