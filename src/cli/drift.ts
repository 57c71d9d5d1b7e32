// npm run drift -- --stack NAME [--lang en] [--root DIR]
// Previews with refresh; exit 0 when the live infrastructure matches the repository, 8 when it
// differs; other codes as for deploy (src/pulumi/exit-codes.ts).
import { pulumiCommand } from "../pulumi/command.ts";

await pulumiCommand("drift", process.argv.slice(2));
