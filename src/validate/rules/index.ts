// Every rule, in one list. A new rule is a file in this folder and a line here.
import type { FileRule, RepoRule } from "../rule.ts";
import { opdExists, pathMatches } from "./path.ts";

export const FILE_RULES: FileRule[] = [pathMatches, opdExists];
export const REPOSITORY_RULES: RepoRule[] = [];
