// Entry point of `npm run momentum -- …`; the dispatcher is run-cli.ts so tests can call it in-process.
import { loadDotEnvFile } from "../ops/process.ts";
import { runCli } from "./run-cli.ts";

loadDotEnvFile();

const write = (stream: NodeJS.WriteStream) => (line: string) => void stream.write(`${line}\n`);

process.exitCode = await runCli(process.argv.slice(2), { out: write(process.stdout), err: write(process.stderr) });
