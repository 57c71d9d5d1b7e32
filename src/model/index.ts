export * from "./request.ts";
export * from "./governance.ts";
