import type { Command } from "commander";
import { TokenStore, tokenFile } from "../../api/tokens.js";
import { commandGroup } from "../group.js";
import { addDbOption } from "../store-option.js";

export function register(program: Command): void {
  const token = commandGroup(program, "token", "Bearer tokens for the API's write endpoints");
  addDbOption(
    token
      .command("create")
      .description("Make a token and store its hash beside the store; prints the token once")
      .option("--label <label>", "what the token is for", "default"),
  ).action(async (options: { db: string; label: string }) => {
    const tokens = new TokenStore(tokenFile(options.db));
    const { token: secret, record } = await tokens.create(options.label);
    process.stderr.write(`token ${record.id} (${record.label}) stored as a hash in ${tokens.file}; it is shown only now:\n`);
    process.stdout.write(`${secret}\n`);
  });
  addDbOption(token.command("list").description("List tokens (ids and labels; the tokens themselves are not kept)")).action(
    async (options: { db: string }) => {
      const records = await new TokenStore(tokenFile(options.db)).list();
      if (records.length === 0) process.stdout.write("no tokens\n");
      for (const r of records) process.stdout.write(`${r.id}\t${r.created}\t${r.label}\n`);
    },
  );
}
