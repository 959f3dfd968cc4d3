export * from "./errors";
export * from "./paths";
export * from "./reporter";
export * from "./args";
export * from "./main";
