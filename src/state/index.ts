export * from "./types.ts";
export { desiredState, requestRecords, compareRecords } from "./desired-state.ts";
export { namespaceName, asciiHost, relativeName } from "./names.ts";
export { resolveIngress, parseIngress, type IngressTarget } from "./ingress.ts";
