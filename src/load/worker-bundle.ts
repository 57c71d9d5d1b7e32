// Bundles of this program's TypeScript, kept between runs: see bundle-cache.mjs, plain JavaScript
// so that src/cli/launch.mjs can use it before any TypeScript loader runs.
export { bundleFolder, moduleBundle, workerBundle } from "./bundle-cache.mjs";
