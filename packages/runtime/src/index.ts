export * from "./errors";
export * from "./paths";
export * from "./reporter";
export * from "./args";
export * from "./main";
export * from "./tasks";
export * from "./cache";
export * from "./pool";
