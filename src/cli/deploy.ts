// npm run deploy -- --stack NAME [--preview] [--refresh] [--lang en] [--root DIR]
// Exit codes: 0 done, 1 invalid repository, 2 bad usage, 3 no Pulumi CLI, 4 credentials,
// 5 stack locked, 6 stack configuration, 7 Pulumi/provider failure (src/pulumi/exit-codes.ts).
import { pulumiCommand } from "../pulumi/command.ts";

await pulumiCommand("deploy", process.argv.slice(2));
