export * from "./compute";
export * from "./agreement";
export * from "./similarity";
export * from "./manifest";
export * from "./words";
export * from "./export";
